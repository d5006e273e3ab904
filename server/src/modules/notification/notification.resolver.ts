import {
  Arg,
  Args,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { LoggedEvent } from '../../common/change-log.js';
import { audienceTag, isResync, type Resync } from '../../common/events.js';
import { asConnection, ConnectionType, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import { renewForEvent, type Context } from '../../context.js';
import { liveEvents } from '../auth/live.js';
import { requireViewer } from '../auth/policies.js';
import { Notification, NotificationKind } from './notification.entity.js';
import {
  countUnread,
  findOwnNotification,
  listNotifications,
  markNotificationsRead,
  maxMarkedAtOnce,
  notificationChoices,
  updateNotificationChoices,
} from './notification.service.js';

@ObjectType({ description: 'A page of your notifications, newest first.' })
export class NotificationConnection extends ConnectionType(Notification, 'Notification') {}

@InputType({ description: 'Which of your notifications to mark read: `ids`, or `all: true`, not both.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], {
    nullable: true,
    description: `These notifications (1 to ${maxMarkedAtOnce}, all yours: NOT_FOUND otherwise, and none is marked).`,
  })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: every unread notification of yours.' })
  all?: boolean | null;
}

@ObjectType({ description: 'Notifications marked read.' })
export class MarkNotificationsReadPayload {
  @Field(() => [Notification], {
    description: 'Those named by `ids`, newest first, with the time each was read (empty with `all`).',
  })
  notifications!: Notification[];

  @Field(() => Int, { description: 'How many of your notifications remain unread.' })
  unreadCount!: number;
}

@ObjectType({ description: 'How you are told of what concerns you, besides the console (which shows every kind).' })
export class NotificationPreferences {
  @Field(() => [NotificationKind], {
    description:
      'The kinds you also receive by e-mail (in your language, User.language, when the server has a mail server: SMTP_URL). Every kind shows in the console.',
  })
  emailKinds!: NotificationKind[];

  @Field(() => String, {
    nullable: true,
    description: 'Your mobile number for SMS, in E.164 ("+213550123456"); null: none given.',
  })
  smsNumber!: string | null;

  @Field(() => [NotificationKind], {
    description:
      'The kinds you also receive by SMS (one line in your language, User.language, with the link to the record when the server knows its address: PUBLIC_URL), at `smsNumber`, when the server sends SMS (`smsAvailable`). None until you turn them on.',
  })
  smsOn!: NotificationKind[];

  @Field(() => Boolean, {
    description:
      'Whether this server sends SMS (its SMS gateway is configured: SMS_URL). When false, `smsOn` and `smsNumber` are kept but no SMS is sent.',
  })
  smsAvailable!: boolean;
}

@InputType({
  description:
    'How you want to be told of what concerns you. A field left out (or null, but for `smsNumber`) stays as it is.',
})
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationKind], {
    nullable: true,
    description: 'The kinds to receive by e-mail; the others show only in the console. Empty: no e-mail at all.',
  })
  emailKinds?: NotificationKind[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Your mobile number for SMS, an Algerian mobile as people write it ("0550 12 34 56", "+213 550 12 34 56"), stored in E.164. null or "": none (refused while `smsOn` keeps kinds). Errors: BAD_USER_INPUT (field `smsNumber`) for a number that is no Algerian mobile.',
  })
  smsNumber?: string | null;

  @Field(() => [NotificationKind], {
    nullable: true,
    description:
      'The kinds to receive by SMS (each costs: none by default). Empty: no SMS at all. Errors: BAD_USER_INPUT (field `smsOn`) when you have no `smsNumber`.',
  })
  smsOn?: NotificationKind[] | null;
}

@ObjectType({ description: 'Your notification preferences, as saved.' })
export class UpdateNotificationPreferencesPayload {
  @Field(() => NotificationPreferences, { description: 'The preferences now in force.' })
  preferences!: NotificationPreferences;
}

@ObjectType({ description: 'A notification made for you, as it happens.' })
export class NotificationAddedPayload {
  @Field(() => Notification, {
    nullable: true,
    description:
      'The new notification; null when notifications may have been missed (the subscription started or restarted, or the event bus was down): refetch what you show.',
  })
  notification!: Notification | null;

  @Field(() => Int, { description: 'How many of your notifications are unread now.' })
  unreadCount!: number;
}

/** A user's own notifications: reading them, marking them read, choosing which come by e-mail and by SMS, and new ones live. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationConnection, {
    description:
      'Your notifications (only your own: made from the changes that concern you), newest first, a page at a time (at most 100). Not for API keys.',
    complexity: listOf(20),
  })
  async notifications(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('unreadOnly', () => Boolean, {
      nullable: true,
      description: 'true: only those not marked read yet. Default false.',
    })
    unreadOnly: boolean | null,
    @Ctx() context: Context,
  ): Promise<NotificationConnection> {
    return asConnection(NotificationConnection, await listNotifications(context, unreadOnly ?? false, page));
  }

  @Query(() => Int, { description: 'How many of your notifications are unread (the console shows it on its bell).' })
  unreadNotificationCount(@Ctx() context: Context): Promise<number> {
    return countUnread(context);
  }

  @Query(() => NotificationPreferences, {
    description: 'Which kinds of notification you receive by e-mail and by SMS, and your number for SMS.',
  })
  notificationPreferences(@Ctx() context: Context): Promise<NotificationPreferences> {
    return notificationChoices(context);
  }

  @Mutation(() => MarkNotificationsReadPayload, {
    description:
      'Marks notifications of yours read: those of `ids`, or all (`all: true`); one already read keeps its time. Errors: BAD_USER_INPUT (neither or both, a malformed id, more than 100 ids), NOT_FOUND (an id that is not one of your notifications: none is marked).',
  })
  async markNotificationsRead(
    @Arg('input', () => MarkNotificationsReadInput, { description: 'Which to mark.' })
    input: MarkNotificationsReadInput,
    @Ctx() context: Context,
  ): Promise<MarkNotificationsReadPayload> {
    const notifications = await markNotificationsRead(context, input);
    return { notifications, unreadCount: await countUnread(context) };
  }

  @Mutation(() => UpdateNotificationPreferencesPayload, {
    description:
      'Chooses which kinds of notification you receive by e-mail and by SMS, and your mobile number for SMS. Errors: BAD_USER_INPUT with `field`: a number that is no Algerian mobile (`smsNumber`), kinds by SMS without a number (`smsOn`), the number removed while kinds are received by SMS (`smsNumber`); nothing is changed.',
  })
  async updateNotificationPreferences(
    @Arg('input', () => UpdateNotificationPreferencesInput, {
      description: 'What to change; what it leaves out stays as it is.',
    })
    input: UpdateNotificationPreferencesInput,
    @Ctx() context: Context,
  ): Promise<UpdateNotificationPreferencesPayload> {
    return { preferences: await updateNotificationChoices(context, input) };
  }

  @Subscription(() => NotificationAddedPayload, {
    subscribe: ({ args, context, info }) => {
      const user = requireViewer(context as Context);
      return liveEvents(context as Context, info.fieldName, 'NOTIFICATION_ADDED', args, {
        wants: (event) => event.payload.recipientId === user.id,
        audience: () => [[audienceTag.user(user.id)]],
      });
    },
    description:
      'Your notifications as they are made (only yours), each with your unread count; first a null notification, meaning: refetch. Over WebSocket (graphql-ws). Not for API keys.',
  })
  async notificationAdded(
    @Root() event: LoggedEvent<'NOTIFICATION_ADDED'> | Resync,
    @Ctx() context: Context,
  ): Promise<NotificationAddedPayload> {
    renewForEvent(context);
    return {
      notification: isResync(event) ? null : await findOwnNotification(context, event.payload.notificationId),
      unreadCount: await countUnread(context),
    };
  }
}
