// People and units a spreadsheet names: by username / code, or by an exact name when only one has it.

export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
}

export interface DirectoryUnit {
  id: string;
  code: string | null;
  name: string;
}

export type Lookup = { found: string } | { missing: true } | { ambiguous: number };

/** Finds users by username (any letter case) or by a display name only one user has. */
export class UserDirectory {
  private readonly byUsername = new Map<string, DirectoryUser>();
  private readonly byName = new Map<string, DirectoryUser[]>();
  private readonly byId = new Map<string, DirectoryUser>();

  constructor(users: readonly DirectoryUser[]) {
    for (const u of users) {
      this.byUsername.set(u.username.toLowerCase(), u);
      this.byId.set(u.id, u);
      const key = u.displayName.trim();
      this.byName.set(key, [...(this.byName.get(key) ?? []), u]);
    }
  }

  find(text: string): Lookup {
    const user = this.byUsername.get(text.toLowerCase());
    if (user) return { found: user.id };
    const named = this.byName.get(text) ?? [];
    if (named.length === 1 && named[0]) return { found: named[0].id };
    return named.length > 1 ? { ambiguous: named.length } : { missing: true };
  }

  label(id: string): string | null {
    const u = this.byId.get(id);
    return u ? `${u.displayName} (${u.username})` : null;
  }
}

/** Finds units by code (exact, then any letter case) or by a name only one unit has. */
export class UnitDirectory {
  private readonly byCode = new Map<string, DirectoryUnit>();
  private readonly byCodeFolded = new Map<string, DirectoryUnit[]>();
  private readonly byName = new Map<string, DirectoryUnit[]>();
  private readonly byId = new Map<string, DirectoryUnit>();

  constructor(units: readonly DirectoryUnit[]) {
    for (const u of units) {
      this.byId.set(u.id, u);
      if (u.code) {
        this.byCode.set(u.code, u);
        const folded = u.code.toLowerCase();
        this.byCodeFolded.set(folded, [...(this.byCodeFolded.get(folded) ?? []), u]);
      }
      const key = u.name.trim();
      this.byName.set(key, [...(this.byName.get(key) ?? []), u]);
    }
  }

  find(text: string): Lookup {
    const exact = this.byCode.get(text);
    if (exact) return { found: exact.id };
    const folded = this.byCodeFolded.get(text.toLowerCase()) ?? [];
    if (folded.length === 1 && folded[0]) return { found: folded[0].id };
    const named = this.byName.get(text) ?? [];
    if (named.length === 1 && named[0]) return { found: named[0].id };
    const count = Math.max(folded.length, named.length);
    return count > 1 ? { ambiguous: count } : { missing: true };
  }

  label(id: string): string | null {
    const u = this.byId.get(id);
    return u ? u.name : null;
  }

  /** How a file names the unit: its code when it has one (names may repeat), else its name. */
  reference(id: string, fallback: string): string {
    const u = this.byId.get(id);
    return u?.code ?? u?.name ?? fallback;
  }
}
