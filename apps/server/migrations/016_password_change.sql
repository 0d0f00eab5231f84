-- 016: an admin-role account whose password was chosen by someone else (created by the system admin,
-- or reset by the security admin) must set its own at its first sign-in; until then its sessions reach
-- only /me, /me/password, sign-out and TOTP enrolment (http/auth.ts). Existing accounts stay unflagged.
alter table users add column must_change_password boolean not null default false;
