import { randomInt, randomUUID, scryptSync, timingSafeEqual, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Role } from '../../functions/core/auth/principal';
import type { MemberAccess } from '../../functions/core/people/model';
import type { DirectoryUser, IdentityDirectory } from '../../functions/core/people/ports';
import { normaliseEmail } from '../../functions/core/shared/email';

/** A person the local identity issuer knows, with what their next token carries. */
export interface LocalUser {
  readonly userId: string;
  readonly email: string;
  readonly name?: string;
  readonly enabled: boolean;
  readonly roles: readonly Role[];
  readonly institutionId?: string;
  readonly partnerId?: string;
  readonly qaRoles: readonly string[];
  readonly assessedDesigns: readonly string[];
  /** `salt:hash` (scrypt, hex), once the person chose a password. */
  readonly passwordHash?: string;
}

/** A message the local issuer would have emailed (an invitation, a sign-in code). */
export interface LocalMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** The one-time code in it, for tests that sign in as the person. */
  readonly code: string;
}

/** How long a one-time code works, and how many wrong guesses it takes. */
const codeLifetimeMs = 15 * 60_000;
const codeAttempts = 5;

/**
 * The local identity issuer's users: the stand-in for a Cognito user pool that the API manages
 * people in (`IdentityDirectory`) and the sign-in page reads, so a change of roles shows in the
 * next token exactly as with Cognito. Kept in a file beside the signing key, or in memory.
 * Invitations and sign-in codes go to `deliver`: the console, until a local mail server exists.
 */
export class LocalIdentityDirectory implements IdentityDirectory {
  private readonly users = new Map<string, LocalUser>();
  private readonly codes = new Map<string, { code: string; expiresAt: number; left: number }>();
  /** Messages delivered so far (the most recent 100). */
  readonly outbox: LocalMessage[] = [];
  /** Where the sign-in page is, for the messages; set once the platform's port is known. */
  signInUrl = '/local/identity/sign-in';

  constructor(
    private readonly file?: string,
    private readonly deliver: (message: LocalMessage) => void = printMessage,
  ) {
    if (!file) return;
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as LocalUser[];
      for (const user of stored) this.users.set(user.userId, user);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  ensureUser(email: string, name: string | undefined): Promise<DirectoryUser> {
    const existing = this.byEmail(email);
    if (existing) return Promise.resolve({ userId: existing.userId, created: false });
    const user: LocalUser = {
      userId: `local-user-${randomUUID()}`,
      email,
      ...(name ? { name } : {}),
      enabled: true,
      roles: [],
      qaRoles: [],
      assessedDesigns: [],
    };
    this.save(user);
    const code = this.newCode(user.email);
    this.send({
      to: email,
      subject: 'You are invited to Tessera',
      text: `Sign in at ${this.signInUrl} with your email address and the one-time code ${code} (valid 15 minutes; ask for another there).`,
      code,
    });
    return Promise.resolve({ userId: user.userId, created: true });
  }

  applyAccess(userId: string, access: MemberAccess): Promise<void> {
    const user = this.require(userId);
    const { institutionId, partnerId, ...rest } = user;
    void institutionId;
    void partnerId;
    this.save({
      ...rest,
      roles: [...access.roles],
      ...(access.institutionId ? { institutionId: access.institutionId } : {}),
      ...(access.partnerId ? { partnerId: access.partnerId } : {}),
      qaRoles: [...access.qaRoles],
      assessedDesigns: [...access.assessedDesigns],
    });
    return Promise.resolve();
  }

  setEnabled(userId: string, enabled: boolean): Promise<void> {
    this.save({ ...this.require(userId), enabled });
    return Promise.resolve();
  }

  /** A fresh one-time code for a known, enabled person, delivered to them; silent otherwise. */
  requestCode(email: string): void {
    const user = this.byEmail(email);
    if (!user?.enabled) return;
    const code = this.newCode(user.email);
    this.send({
      to: user.email,
      subject: 'Your Tessera sign-in code',
      text: `Your one-time code is ${code} (valid 15 minutes).`,
      code,
    });
  }

  /**
   * The person signing in with a one-time code (used up) or their password; with a code they
   * may also set `newPassword`. Null for anything else, including a deactivated account.
   */
  signIn(credentials: {
    email: string;
    code?: string;
    password?: string;
    newPassword?: string;
  }): LocalUser | null {
    const user = this.byEmail(credentials.email);
    if (!user?.enabled) return null;
    if (credentials.code) {
      if (!this.useCode(user.email, credentials.code)) return null;
      if (credentials.newPassword)
        this.save({ ...user, passwordHash: hash(credentials.newPassword) });
      return this.require(user.userId);
    }
    if (
      credentials.password &&
      user.passwordHash &&
      matches(credentials.password, user.passwordHash)
    )
      return user;
    return null;
  }

  find(userId: string): LocalUser | undefined {
    return this.users.get(userId);
  }

  private byEmail(email: string): LocalUser | undefined {
    const wanted = normaliseEmail(email);
    return [...this.users.values()].find((user) => normaliseEmail(user.email) === wanted);
  }

  private require(userId: string): LocalUser {
    const user = this.users.get(userId);
    if (!user) throw new Error(`No local user ${userId}`);
    return user;
  }

  private newCode(email: string): string {
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    this.codes.set(normaliseEmail(email), {
      code,
      expiresAt: Date.now() + codeLifetimeMs,
      left: codeAttempts,
    });
    return code;
  }

  private useCode(email: string, code: string): boolean {
    const key = normaliseEmail(email);
    const issued = this.codes.get(key);
    if (!issued || issued.expiresAt < Date.now()) return false;
    if (issued.code !== code.trim()) {
      if (--issued.left <= 0) this.codes.delete(key);
      return false;
    }
    this.codes.delete(key);
    return true;
  }

  private send(message: LocalMessage): void {
    this.outbox.push(message);
    if (this.outbox.length > 100) this.outbox.shift();
    this.deliver(message);
  }

  private save(user: LocalUser): void {
    this.users.set(user.userId, user);
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify([...this.users.values()], null, 2), { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

/** Until a local mail server exists, the console is the local outbox. */
function printMessage(message: LocalMessage): void {
  console.log(`[local identity] to ${message.to}: ${message.subject}. ${message.text}`);
}

function hash(password: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}

function matches(password: string, stored: string): boolean {
  const [salt, expected] = stored.split(':');
  if (!salt || !expected) return false;
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(actual, Buffer.from(expected, 'hex'));
}
