import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import { env } from "@/lib/env";

const E164 = /^\+[1-9]\d{6,14}$/;

// The E.164 form of a phone number written the way people and CRMs write them: "+1 (415)
// 555-0123", "415-555-0123", "(415) 555-0123", "415.555.0123". A number without a country code
// is read as one of `region` (DEFAULT_PHONE_REGION). Null when it cannot be read as a number of
// a plausible length, or when it carries an extension, which E.164 cannot hold and which a call
// would silently drop.
//
// libphonenumber-js/min: its metadata has each region's country code, national prefix and
// possible lengths, which is all that parsing and E.164 formatting need. The larger /max
// metadata adds per-type digit patterns for isValid(); this does not use them, so that a number
// accepted in E.164 today (e.g. a 555 test number) is never refused for its digits.
export function toE164(value: string, region: CountryCode = env().DEFAULT_PHONE_REGION as CountryCode): string | null {
  const trimmed = value.trim();
  if (E164.test(trimmed)) return trimmed;
  // extract: false: the whole value must be a phone number, not text that contains one.
  const parsed = parsePhoneNumberFromString(trimmed, { defaultCountry: region, extract: false });
  if (!parsed || parsed.ext || !parsed.isPossible()) return null;
  return E164.test(parsed.number) ? parsed.number : null;
}
