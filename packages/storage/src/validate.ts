/** Checks of values storage accepts, each returning a validation error that names the field. */
import { invalid, ok, type StoreResult } from "./result.js";
import { FORMATS, ROLES, type Role, type ScenarioFormat } from "./types.js";

/** A name or title: trimmed, 1–200 characters, no control characters. */
export function checkName(field: string, value: unknown): StoreResult<string> {
  if (typeof value !== "string") return invalid(field, `${field}: expected a string`);
  const name = value.trim();
  if (name === "") return invalid(field, `${field}: expected a non-empty name`);
  if (name.length > 200) return invalid(field, `${field}: expected at most 200 characters, found ${name.length}`);
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return invalid(field, `${field}: control characters are not allowed`);
  return ok(name);
}

/** A commit-style message: at most 2,000 characters; may be empty. */
export function checkMessage(value: unknown): StoreResult<string> {
  if (value === undefined) return ok("");
  if (typeof value !== "string") return invalid("message", "message: expected a string");
  if (value.length > 2000) return invalid("message", `message: expected at most 2000 characters, found ${value.length}`);
  return ok(value);
}

export function checkFormat(value: unknown): StoreResult<ScenarioFormat> {
  return (FORMATS as readonly unknown[]).includes(value)
    ? ok(value as ScenarioFormat)
    : invalid("format", `format: expected one of ${FORMATS.join(", ")}, found ${JSON.stringify(value)}`);
}

export function checkRole(value: unknown): StoreResult<Role> {
  return (ROLES as readonly unknown[]).includes(value)
    ? ok(value as Role)
    : invalid("role", `role: expected one of ${ROLES.join(", ")}, found ${JSON.stringify(value)}`);
}

/** A revision number: an integer ≥ 1. */
export function checkRevisionNumber(field: string, value: unknown): StoreResult<number> {
  return Number.isSafeInteger(value) && (value as number) >= 1
    ? ok(value as number)
    : invalid(field, `${field}: expected a revision number (an integer from 1), found ${JSON.stringify(value)}`);
}

/** A text within `maxBytes` UTF-8 bytes; returns its size. */
export function checkText(field: string, value: unknown, maxBytes: number): StoreResult<number> {
  if (typeof value !== "string") return invalid(field, `${field}: expected a string`);
  const size = Buffer.byteLength(value, "utf8");
  if (size > maxBytes) return invalid(field, `${field}: ${size} bytes is more than the limit of ${maxBytes} bytes`);
  return ok(size);
}

/** An e-mail address, lower-cased: something@something.tld, at most 254 characters. */
export function checkEmail(value: unknown): StoreResult<string> {
  if (typeof value !== "string") return invalid("email", "email: expected a string");
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return invalid("email", `email: expected an address like name@example.org, found ${JSON.stringify(value)}`);
  return ok(email);
}

/** A password: 8 to 1,024 characters. */
export function checkPassword(value: unknown): StoreResult<string> {
  if (typeof value !== "string") return invalid("password", "password: expected a string");
  if (value.length < 8) return invalid("password", "password: expected at least 8 characters");
  if (value.length > 1024) return invalid("password", "password: expected at most 1024 characters");
  return ok(value);
}

const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** Whether `have` allows what `need` allows. */
export const roleAllows = (have: Role, need: Role): boolean => ROLE_RANK[have] >= ROLE_RANK[need];
