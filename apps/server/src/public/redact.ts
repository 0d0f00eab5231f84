// Text shown to the public (results wall) may have been written by staff about a person: numbers
// that look like phones or ID cards are masked before it leaves the server. Short numbers (years,
// dates, house numbers, counts) stay.
const MOBILE = /(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])/g;
const LONG_RUN = /(?<![0-9])[0-9]{7,}[0-9Xx]?(?![0-9])/g;

export function redactPublicText(text: string): string {
  return text.replace(MOBILE, "***********").replace(LONG_RUN, (m) => "*".repeat(Math.min(m.length, 18)));
}
