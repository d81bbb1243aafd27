import type { Adapter, AdapterPayload } from 'oidc-provider';

// Sessions, grants, codes and interactions of one issuer instance (JWT access tokens are not stored).
// Bounded so that a long benchmark cannot grow it without limit.
const MAX_ENTRIES = 50_000;

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/** The issuer's storage: per issuer instance, in memory, bounded. Fine for dev and tests only. */
export class IssuerStore {
  private readonly entries = new Map<string, Entry>();
  private readonly index = new Map<string, string>();

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresInSec?: number): void {
    const expiresAt = expiresInSec === undefined ? Infinity : Date.now() + expiresInSec * 1000;
    this.entries.delete(key);
    this.entries.set(key, { payload, expiresAt });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  link(indexKey: string, key: string): void {
    this.index.set(indexKey, key);
    if (this.index.size > MAX_ENTRIES) {
      const oldest = this.index.keys().next().value;
      if (oldest !== undefined) this.index.delete(oldest);
    }
  }

  resolve(indexKey: string): string | undefined {
    return this.index.get(indexKey);
  }

  keysOfGrant(grantId: string): string[] {
    const keys: string[] = [];
    for (const [key, entry] of this.entries) if (entry.payload.grantId === grantId) keys.push(key);
    return keys;
  }

  /** An oidc-provider adapter factory over this store. */
  adapterFactory(): (model: string) => Adapter {
    return (model) => {
      const key = (id: string) => `${model}:${id}`;
      return {
        upsert: (id, payload, expiresIn) => {
          this.set(key(id), payload, expiresIn);
          if (payload.uid !== undefined) this.link(`${model}:uid:${payload.uid}`, id);
          if (payload.userCode !== undefined) this.link(`${model}:userCode:${payload.userCode}`, id);
          return Promise.resolve();
        },
        find: (id) => Promise.resolve(this.get(key(id))),
        findByUid: (uid) => {
          const id = this.resolve(`${model}:uid:${uid}`);
          return Promise.resolve(id === undefined ? undefined : this.get(key(id)));
        },
        findByUserCode: (userCode) => {
          const id = this.resolve(`${model}:userCode:${userCode}`);
          return Promise.resolve(id === undefined ? undefined : this.get(key(id)));
        },
        consume: (id) => {
          const payload = this.get(key(id));
          if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
          return Promise.resolve();
        },
        destroy: (id) => {
          this.delete(key(id));
          return Promise.resolve();
        },
        revokeByGrantId: (grantId) => {
          for (const k of this.keysOfGrant(grantId)) this.delete(k);
          return Promise.resolve();
        },
      };
    };
  }
}
