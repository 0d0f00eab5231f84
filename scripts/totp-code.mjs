#!/usr/bin/env node
// Prints the current 6-digit TOTP code for a base32 secret (as shown on the enrolment screen):
//   node scripts/totp-code.mjs JBSWY3DPEHPK3PXP
// Handy for demos, docs and scripted sign-ins; it is what an authenticator app would show now.
import { Secret, TOTP } from "otpauth";

const secret = process.argv[2];
if (!secret || !/^[A-Z2-7]+=*$/i.test(secret.replace(/\s/g, ""))) {
  console.error("usage: node scripts/totp-code.mjs <base32-secret>");
  process.exit(2);
}
const totp = new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, "").toUpperCase()), period: 30, digits: 6 });
const remaining = 30 - (Math.floor(Date.now() / 1000) % 30);
console.log(totp.generate());
console.error(`(valid for ${remaining} more seconds)`);
