import type { components } from './generated/openapi.js';

type Schemas = components['schemas'];

export type Id = Schemas['Id'];
export type Seq = Schemas['Seq'];
export type Scope = Schemas['Scope'];
export type ErrorCode = Schemas['ErrorCode'];
export type Problem = Schemas['Problem'];
export type User = Schemas['User'];
export type Me = Schemas['Me'];
export type UpdateMeRequest = Schemas['UpdateMeRequest'];
export type UserList = Schemas['UserList'];
export type AuthSession = Schemas['AuthSession'];
export type WsTicket = Schemas['WsTicket'];
export type Visibility = Schemas['Visibility'];
export type Role = Schemas['Role'];
export type Channel = Schemas['Channel'];
export type ChannelPage = Schemas['ChannelPage'];
export type EventPage = Schemas['EventPage'];
export type CreateChannelRequest = Schemas['CreateChannelRequest'];
export type UpdateChannelRequest = Schemas['UpdateChannelRequest'];
export type ReadState = Schemas['ReadState'];
export type Member = Schemas['Member'];
export type MemberPage = Schemas['MemberPage'];
export type TextBody = Schemas['TextBody'];
export type ImageBody = Schemas['ImageBody'];
export type VideoBody = Schemas['VideoBody'];
export type FileBody = Schemas['FileBody'];
/** A stored file, with a signed, expiring link to its bytes. */
export type Upload = Schemas['Upload'];
/** What the server read from the first link of a text message. */
export type LinkPreview = Schemas['LinkPreview'];
export type MessageBody = Schemas['MessageBody'];
export type Reaction = Schemas['Reaction'];
export type Message = Schemas['Message'];
export type MessagePage = Schemas['MessagePage'];
export type SendMessageRequest = Schemas['SendMessageRequest'];
export type Readiness = Schemas['Readiness'];
export type UpdateMemberRequest = Schemas['UpdateMemberRequest'];
export type BanRequest = Schemas['BanRequest'];
/** A user kept out of a channel, until `until` or for good. */
export type Ban = Schemas['Ban'];
export type BanPage = Schemas['BanPage'];
export type AuditAction = Schemas['AuditAction'];
/** One moderation action, as the channel's audit log records it. */
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
export type ReportRequest = Schemas['ReportRequest'];
export type ResolveReportRequest = Schemas['ResolveReportRequest'];
/** A message reported to a channel's moderators. */
export type Report = Schemas['Report'];
export type ReportPage = Schemas['ReportPage'];
export type PinPage = Schemas['PinPage'];
/** A message that matched a search, with a plain-text snippet and where the matches are in it. */
export type SearchHit = Schemas['SearchHit'];
export type SearchPage = Schemas['SearchPage'];
/** A channel event as a webhook delivers it. */
export type WebhookEvent = Schemas['WebhookEvent'];

export type SubscribeFrame = Schemas['SubscribeFrame'];
export type UnsubscribeFrame = Schemas['UnsubscribeFrame'];
export type SendFrame = Schemas['SendFrame'];
export type TypingFrame = Schemas['TypingFrame'];
export type ReadFrame = Schemas['ReadFrame'];
export type PingFrame = Schemas['PingFrame'];
/** Any frame a client sends over the socket. */
export type ClientFrame = Schemas['ClientFrame'];

export type HelloFrame = Schemas['HelloFrame'];
export type SubscribedFrame = Schemas['SubscribedFrame'];
export type UnsubscribedFrame = Schemas['UnsubscribedFrame'];
export type EventKind = Schemas['EventKind'];
export type EventFrame = Schemas['EventFrame'];
export type MessageEventData = Schemas['MessageEventData'];
export type ReactionEventData = Schemas['ReactionEventData'];
export type MemberEventData = Schemas['MemberEventData'];
export type ChannelEventData = Schemas['ChannelEventData'];
export type AckFrame = Schemas['AckFrame'];
export type TypingServerFrame = Schemas['TypingServerFrame'];
export type PresenceFrame = Schemas['PresenceFrame'];
export type ResyncFrame = Schemas['ResyncFrame'];
export type ErrorFrame = Schemas['ErrorFrame'];
export type PongFrame = Schemas['PongFrame'];
/** The user became a member of a channel. */
export type AddedFrame = Schemas['AddedFrame'];
/** A new message mentions the user. */
export type MentionFrame = Schemas['MentionFrame'];
/** Any frame the server sends over the socket. */
export type ServerFrame = Schemas['ServerFrame'];

/** The name of a schema in the contract's `components.schemas`. */
export type SchemaName = keyof Schemas;
