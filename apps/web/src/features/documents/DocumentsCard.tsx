/** The home page card of this module (what needs attention). Placeholder until the slice lands. */
export function DocumentsCard() {
  return null;
}
