// Personal data at rest: the reporter's and callers' name, phone, ID number and exact address are
// stored sealed (keyring), with a masked copy for display and, for phones, a keyed hash for search.
import { createHmac } from "node:crypto";
import { phoneKey } from "../hotline/phone.ts";
import { loadKey } from "../lib/keys.ts";
import { type Keyring, loadKeyring } from "./keyring.ts";
import { coarseAddress, maskIdNumber, maskName, maskPhone } from "./mask.ts";

export interface ReporterInput {
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  address?: string | null;
}

/** The personal-data columns of a case row (the clear columns of 002 stay null). */
export interface ReporterColumns {
  reporter_name_enc: string | null;
  reporter_name_masked: string | null;
  reporter_phone_enc: string | null;
  reporter_phone_masked: string | null;
  reporter_phone_hash: string | null;
  reporter_id_number_enc: string | null;
  reporter_id_number_masked: string | null;
  address_enc: string | null;
  address_area: string | null;
}

const clean = (s: string | null | undefined) => s?.trim() || null;

export class Pii {
  constructor(
    readonly keyring: Keyring,
    private readonly indexKey: Buffer,
  ) {}

  seal(field: string, value: string | null | undefined): string | null {
    const v = clean(value);
    return v === null ? null : this.keyring.seal(field, v);
  }

  open(field: string, envelope: string | null | undefined): string | null {
    return envelope ? this.keyring.open(field, envelope) : null;
  }

  /** HMAC-SHA256 (index key) over the last 11 digits: equal for every spelling of one number. */
  phoneHash(phone: string | null | undefined): string | null {
    const v = clean(phone);
    if (v === null) return null;
    return createHmac("sha256", this.indexKey)
      .update(`phone:${phoneKey(v)}`)
      .digest("hex");
  }

  reporterColumns(input: ReporterInput): ReporterColumns {
    const name = clean(input.name);
    const phone = clean(input.phone);
    const idNumber = clean(input.idNumber)?.toUpperCase() ?? null;
    const address = clean(input.address);
    return {
      reporter_name_enc: this.seal("cases.reporter_name", name),
      reporter_name_masked: name && maskName(name),
      reporter_phone_enc: this.seal("cases.reporter_phone", phone),
      reporter_phone_masked: phone && maskPhone(phoneKey(phone)),
      reporter_phone_hash: this.phoneHash(phone),
      reporter_id_number_enc: this.seal("cases.reporter_id_number", idNumber),
      reporter_id_number_masked: idNumber && maskIdNumber(idNumber),
      address_enc: this.seal("cases.address", address),
      address_area: coarseAddress(address),
    };
  }

  callerColumns(input: { name?: string | null; phone?: string | null }) {
    const name = clean(input.name);
    const phone = clean(input.phone);
    return {
      name_enc: this.seal("case_callers.name", name),
      name_masked: name && maskName(name),
      phone_enc: this.seal("case_callers.phone", phone),
      phone_masked: phone && maskPhone(phoneKey(phone)),
      phone_hash: this.phoneHash(phone),
    };
  }
}

export interface PiiConfig {
  dataDir: string;
  CIVICGRID_PII_KEYS?: string | undefined;
  CIVICGRID_PII_INDEX_KEY?: string | undefined;
  PII_CIPHER?: string | undefined;
}

/** Keys from the environment or DATA_DIR/keys (pii-<n>.key, pii-index.key), created at first start. */
export function loadPii(config: PiiConfig): Pii {
  const keyring = loadKeyring({ dataDir: config.dataDir, env: config.CIVICGRID_PII_KEYS, alg: config.PII_CIPHER });
  const indexKey = loadKey({ dataDir: config.dataDir, name: "pii-index", env: config.CIVICGRID_PII_INDEX_KEY });
  return new Pii(keyring, indexKey);
}
