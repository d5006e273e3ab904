import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { asConnection, ConnectionType, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import { DateTime } from '../../common/scalars.js';
import type { Context } from '../../context.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { User, UserRole } from '../user/user.entity.js';
import { Language } from '../../common/language.js';
import { createUser, disableUser, listUsers, setMyLanguage } from '../user/user.service.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyScope } from './api-key.scopes.js';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service.js';
import { login, logout } from './auth.service.js';
import {
  passwordResetAvailable,
  requestPasswordReset,
  resetPassword,
  sendPasswordReset,
} from './password-reset.service.js';
import { mayRunOperation, operationRoles } from './permissions.js';
import { mayReadContractor } from './scope.js';
import { viewerPermissions, ViewerPermissions } from './viewer-permissions.js';

@InputType({ description: 'Email and password.' })
export class LoginInput {
  @Field(() => String, { description: 'Sign-in email.' })
  email!: string;

  @Field(() => String, { description: 'Password.' })
  password!: string;
}

@ObjectType({ description: 'A session opened by login.' })
export class LoginPayload {
  @Field(() => String, {
    description: 'Send it as `Authorization: Bearer <token>` (HTTP) or in connection_init (WebSocket).',
  })
  token!: string;

  @Field(() => DateTime, { description: 'When the token stops working (UTC).' })
  expiresAt!: Date;

  @Field(() => User, { description: 'Who signed in.' })
  user!: User;
}

@InputType({ description: 'A new user, with its initial password.' })
export class CreateUserInput {
  @Field(() => String, { description: 'Sign-in email, unique (compared in lower case).' })
  email!: string;

  @Field(() => String, { description: 'Name shown in the console, 1–200 characters.' })
  displayName!: string;

  @Field(() => UserRole, { description: 'What the user may do.' })
  role!: UserRole;

  @Field(() => String, { description: 'Initial password, 12–200 characters; stored only as an argon2id hash.' })
  password!: string;

  @Field(() => [String], { nullable: true, description: 'DOT_MANAGER only: codes of the wilayas it covers ("16", …).' })
  wilayaCodes?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'CONTRACTOR and TECHNICIAN only (required for them): its firm.' })
  contractorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "CONTRACTOR only: manages its firm's users and keys." })
  isContractorAdmin?: boolean | null;
}

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Name of the application, 1–100 characters.' })
  name!: string;

  @Field(() => [ApiKeyScope], {
    description:
      'What it may do: at least one scope, each named once. A key bound to a firm holds only the scopes whose description says a firm’s key may hold it (else FORBIDDEN on `scopes`).',
  })
  scopes!: string[];

  @Field(() => DateTime, { nullable: true, description: 'When it stops working (UTC); none: until revoked.' })
  expiresAt?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: "ADMIN only: bind the key to a firm (it then sees that firm's work only).",
  })
  contractorId?: string | null;
}

@ObjectType({ description: 'A new API key, with its secret: shown now and never again.' })
export class CreateApiKeyPayload {
  @Field(() => ApiKey, { description: 'The key.' })
  apiKey!: ApiKey;

  @Field(() => String, {
    description: 'The whole key, to send as `Authorization: Bearer <secret>`. Kept nowhere: copy it now.',
  })
  secret!: string;
}

@ObjectType({ description: 'A password reset link on its way by e-mail.' })
export class PasswordResetLink {
  @Field(() => Int, {
    description: 'How long the link works once sent, in minutes (PASSWORD_RESET_TTL_MINUTES); it works once.',
  })
  validMinutes!: number;
}

export const UserConnection = ConnectionType(User, 'User');
export type UserConnection = InstanceType<typeof UserConnection>;

@Resolver(() => User)
export class AuthResolver {
  @Query(() => UserConnection, {
    description:
      "Users, by id, a page at a time (at most 100): all for an ADMIN, its firm's for a contractor's admin. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT.",
    complexity: listOf(20),
  })
  async users(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context): Promise<UserConnection> {
    return asConnection(UserConnection, await listUsers(context, page));
  }

  @Query(() => [ApiKey], {
    description: "API keys: all for an ADMIN, its firm's for a contractor's admin. Errors: UNAUTHENTICATED, FORBIDDEN.",
  })
  apiKeys(@Ctx() context: Context): Promise<ApiKey[]> {
    return listApiKeys(context);
  }

  @Mutation(() => CreateApiKeyPayload, {
    description:
      'Creates an API key (ADMIN, or a contractor’s admin for its firm). Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND.',
  })
  createApiKey(
    @Arg('input', () => CreateApiKeyInput, { description: 'The new key.' }) input: CreateApiKeyInput,
    @Ctx() context: Context,
  ): Promise<CreateApiKeyPayload> {
    return createApiKey(context, input);
  }

  @Mutation(() => ApiKey, {
    description:
      'Revokes an API key at once: HTTP refuses it, and its WebSockets close with 4401 on every server within a second. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND.',
  })
  revokeApiKey(@Arg('id', () => ID, { description: 'The key.' }) id: string, @Ctx() context: Context): Promise<ApiKey> {
    return revokeApiKey(context, id);
  }

  @Mutation(() => LoginPayload, {
    description:
      'Signs in. Errors: UNAUTHENTICATED (wrong email or password — the same answer for an unknown email), TOO_MANY_ATTEMPTS ' +
      '(5 failures in a row for an account from one client address lock that account to that address for 15 minutes, ' +
      'a success starting the count again; 100 failures a day from one address lock the address for a day; with ' +
      'retryAfterSeconds), BAD_USER_INPUT.',
  })
  login(
    @Arg('input', () => LoginInput, { description: 'Email and password.' }) input: LoginInput,
    @Ctx() context: Context,
  ): Promise<LoginPayload> {
    return login(context, input, context.ipAddress);
  }

  @Mutation(() => Boolean, {
    description:
      'Signs out: the token of this request stops working, and its WebSockets close with 4401 on every server within a second. True; anonymous: nothing to do, true.',
  })
  async logout(@Ctx() context: Context): Promise<boolean> {
    await logout(context);
    return true;
  }

  @Query(() => Boolean, {
    description:
      'Whether this server sends password reset links (requestPasswordReset, sendPasswordReset): it needs a mail server (SMTP_URL) and the console’s address (PUBLIC_URL). When false, those answer MAIL_OFF.',
  })
  passwordResetAvailable(@Ctx() context: Context): boolean {
    return passwordResetAvailable(context);
  }

  @Mutation(() => PasswordResetLink, {
    description:
      'A forgotten password: e-mails the enabled user of `email` a link to the console to choose a new password (in the user’s language), which works once, for PASSWORD_RESET_TTL_MINUTES. ' +
      'The same answer whether a user has this address or not, and no mail when none has. Errors: MAIL_OFF, BAD_USER_INPUT (not an e-mail address), ' +
      'TOO_MANY_ATTEMPTS (10 requests an hour from one client address, 3 an hour for one e-mail address; with retryAfterSeconds).',
  })
  async requestPasswordReset(
    @Arg('email', () => String, { description: 'The sign-in e-mail address of the account.' }) email: string,
    @Ctx() context: Context,
  ): Promise<PasswordResetLink> {
    return { validMinutes: await requestPasswordReset(context, email, context.ipAddress) };
  }

  @Mutation(() => Boolean, {
    description:
      'Sets a new password with the token of a reset link (the part after # of the link): the link then stops working, as do the user’s other links, and every session of the user ends (its WebSockets close with 4401). Audited. True. ' +
      'Errors: BAD_USER_INPUT — `token` with reasonCode RESET_LINK_INVALID, RESET_LINK_EXPIRED or RESET_LINK_USED; `newPassword` its length (12–200 characters).',
  })
  async resetPassword(
    @Arg('token', () => String, { description: 'The token of the reset link.' }) token: string,
    @Arg('newPassword', () => String, {
      description: 'The new password, 12–200 characters; stored only as an argon2id hash.',
    })
    newPassword: string,
    @Ctx() context: Context,
  ): Promise<boolean> {
    await resetPassword(context, { token, newPassword });
    return true;
  }

  @Mutation(() => PasswordResetLink, {
    description:
      "E-mails a user a link to choose a new password itself (an ADMIN any user, a contractor's admin its firm's): whoever sends it never sees nor sets the password. Audited. " +
      'Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (a disabled user), MAIL_OFF, BAD_USER_INPUT.',
  })
  async sendPasswordReset(
    @Arg('id', () => ID, {
      description: 'The user to e-mail the link to: enabled, and of the manager’s firm for a firm’s admin.',
    })
    id: string,
    @Ctx() context: Context,
  ): Promise<PasswordResetLink> {
    return { validMinutes: await sendPasswordReset(context, id) };
  }

  @Mutation(() => User, {
    description:
      'Sets the signed-in user’s language: the console’s at sign-in (when the browser has no choice of its own) and that of the e-mails it receives. Errors: UNAUTHENTICATED, FORBIDDEN (an API key).',
  })
  setMyLanguage(
    @Arg('language', () => Language, { description: 'The language.' }) language: Language,
    @Ctx() context: Context,
  ): Promise<User> {
    return setMyLanguage(context, language);
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null when anonymous.' })
  me(@Ctx() context: Context): User | null {
    return context.viewer?.kind === 'user' ? context.viewer.user : null;
  }

  @Query(() => [String], {
    description:
      'The root operations the viewer may run, as "Query.invoices", "Mutation.createSite", "Http.uploadPhoto" (an HTTP route), sorted: from the one table of who may ' +
      'run what (by role, or by an API key’s scopes), the same the server checks. Rows are scoped further (a firm its own work, a DOT manager its wilayas). ' +
      'Empty for an anonymous caller but for the public operations (login, me, the password reset ones). Clients show only the pages and actions these open.',
  })
  viewerOperations(@Ctx() context: Context): string[] {
    return Object.keys(operationRoles)
      .filter((operation) => mayRunOperation(context, operation))
      .sort();
  }

  @Query(() => ViewerPermissions, {
    description:
      'What the viewer may do beyond any one record (see ViewerPermissions): manage access and which roles it may give, whether it ' +
      'reads the technician on work, the wilayas it is limited to, whether it works in the field only. From the rules the server ' +
      'checks; all false and empty for an anonymous caller.',
  })
  viewerCan(@Ctx() context: Context): ViewerPermissions {
    return viewerPermissions(context);
  }

  @FieldResolver(() => Contractor, {
    nullable: true,
    description: 'CONTRACTOR and TECHNICIAN users: their firm; null when the viewer may not read it.',
  })
  async contractor(@Root() user: User, @Ctx() context: Context): Promise<Contractor | null> {
    return user.contractor && mayReadContractor(context, user.contractor.id)
      ? user.contractor.loadOrFail({ dataloader: true })
      : null;
  }

  @Mutation(() => User, {
    description:
      "Creates a user: an ADMIN any; a contractor's admin CONTRACTOR and TECHNICIAN users of its firm. Errors: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND, CONFLICT (email taken).",
  })
  createUser(
    @Arg('input', () => CreateUserInput, { description: 'The new user.' }) input: CreateUserInput,
    @Ctx() context: Context,
  ): Promise<User> {
    return createUser(context, input);
  }

  @Mutation(() => User, {
    description:
      "Disables a user (an ADMIN any, a contractor's admin its firm's): it cannot sign in, its sessions end at once and their WebSockets close with 4401 on every server within a second. Errors: UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT.",
  })
  disableUser(
    @Arg('id', () => ID, { description: 'The user.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version last seen.' }) expectedVersion: number,
    @Arg('reason', () => String, { description: 'Why, 1–500 characters.' }) reason: string,
    @Ctx() context: Context,
  ): Promise<User> {
    return disableUser(context, id, expectedVersion, reason);
  }
}
