import { ref, type EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { inTransaction } from '../../common/transaction.js';
import { parseInput, recordId, requiredText } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { ApiKey } from './api-key.entity.js';
import { allScopes, contractorScopes } from './api-key.scopes.js';
import { announceSessionsEnded, SessionEndReason } from './auth.events.js';
import { requireAccessManager } from './access-managers.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const keyPattern = /^rk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;

/** Whether an Authorization bearer value is an API key rather than a session token. */
export function looksLikeApiKey(bearer: string): boolean {
  return bearer.startsWith('rk_');
}

/**
 * The API key named by a bearer value, when it exists, matches its hash (compared in constant
 * time), is not revoked and has not expired; its last use is recorded (to the minute). Null otherwise.
 */
export async function findUsableApiKey(em: EntityManager, bearer: string): Promise<ApiKey | null> {
  const match = keyPattern.exec(bearer);
  if (!match) return null;
  const key = await em.findOne(ApiKey, { prefix: `rk_${match[1]}` });
  if (!key) return null;
  const expected = Buffer.from(key.secretHash, 'hex');
  const given = Buffer.from(sha256(match[2]!), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    await em.nativeUpdate(ApiKey, { id: key.id }, { lastUsedAt: new Date() });
  }
  return key;
}

const newKeySchema = z.object({
  name: requiredText(100),
  scopes: z
    .array(
      z.string().refine((scope) => allScopes.includes(scope), {
        error: 'is not a scope an API key can hold',
      }),
    )
    .min(1, { error: 'must name at least one scope' })
    .transform((scopes) => [...new Set(scopes)].sort()),
  expiresAt: z
    .date()
    .refine((date) => date.getTime() > Date.now(), { error: 'must be in the future' })
    .nullish()
    .transform((value) => value ?? null),
  contractorId: recordId.nullish().transform((value) => value ?? null),
});

/**
 * Creates an API key: an ADMIN for AT's own applications (no firm) or for a firm; a contractor's
 * admin for its own firm. A key bound to a firm holds a contractor's scopes only. Returns the key once: only its hash is kept.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND (contractor)
 */
export async function createApiKey(context: Context, input: unknown): Promise<{ apiKey: ApiKey; secret: string }> {
  const { user, firmId } = requireAccessManager(context, 'API keys');
  const values = parseInput(newKeySchema, input);
  const contractorId = firmId ?? values.contractorId;
  if (firmId && values.contractorId && values.contractorId !== firmId)
    throw notFound('contractorId', 'contractor', values.contractorId);
  if (contractorId) {
    // A firm's key holds a contractor's scopes only, whoever makes it: a firm never approves or pays its own work.
    const refused = values.scopes.filter((scope) => !contractorScopes.includes(scope));
    if (refused.length > 0)
      throw new DomainError(ErrorCode.FORBIDDEN, `scopes: a firm's key cannot hold ${refused.join(', ')}`, {
        field: 'scopes',
      });
  }
  const prefix = `rk_${randomBytes(6).toString('hex').slice(0, 8)}`;
  const secret = randomBytes(32).toString('base64url');
  const apiKey = await inTransaction(context, async (em) => {
    const contractor = contractorId ? await em.findOne(Contractor, { id: contractorId }) : null;
    if (contractorId && !contractor) throw notFound('contractorId', 'contractor', contractorId);
    const key = em.create(ApiKey, {
      name: values.name,
      prefix,
      secretHash: sha256(secret),
      scopes: values.scopes,
      contractor: contractor ? ref(contractor) : null,
      createdBy: ref(user),
      expiresAt: values.expiresAt,
      createdAt: new Date(),
      updatedAt: new Date(),
    } as never);
    em.persist(key);
    await em.flush();
    // Its prefix names it (as the list of keys shows it); never its secret, nor its hash.
    recordAudit(em, context, {
      entityType: AuditEntityType.API_KEY,
      entityId: key.id,
      action: AuditAction.CREATE,
      changes: changedFields({}, { ...values, contractorId, prefix }, [
        'name',
        'prefix',
        'scopes',
        'contractorId',
        'expiresAt',
      ]),
    });
    return key;
  });
  return { apiKey, secret: `${prefix}_${secret}` };
}

/**
 * Revokes a key at once: it no longer works, and its open WebSockets close on every process (`SESSIONS_ENDED`).
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (also for another firm's key)
 */
export async function revokeApiKey(context: Context, id: string): Promise<ApiKey> {
  const { firmId } = requireAccessManager(context, 'API keys');
  const keyId = parseInput(recordId, id, 'id');
  return inTransaction(context, async (em) => {
    const key = await em.findOne(ApiKey, firmId ? { id: keyId, contractor: firmId } : { id: keyId });
    if (!key) throw notFound('id', 'API key', keyId);
    if (!key.revokedAt) {
      key.revokedAt = new Date();
      key.updatedAt = new Date();
      recordAudit(em, context, {
        entityType: AuditEntityType.API_KEY,
        entityId: key.id,
        action: AuditAction.UPDATE,
        changes: [{ field: 'revokedAt', from: null, to: key.revokedAt }],
      });
      announceSessionsEnded(em, SessionEndReason.REVOKED, { apiKeyIds: [key.id] });
    }
    return key;
  });
}

/** The keys the viewer manages: all for an ADMIN, its firm's for a contractor's admin. */
export function listApiKeys(context: Context): Promise<ApiKey[]> {
  const { firmId } = requireAccessManager(context, 'API keys');
  return context.em.find(ApiKey, firmId ? { contractor: firmId } : {}, { orderBy: { id: 'asc' } });
}
