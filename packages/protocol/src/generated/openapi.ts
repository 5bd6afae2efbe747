// Generated from openapi/confab.yaml by `npm run generate`. Do not edit.
export type paths = {
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a built-in account and sign in */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a built-in account
         * @description Each sign-in starts a session: a family of refresh tokens that rotate (see `refreshSession`).
         *
         *     Sign-ins are limited per client address and per username. After 5 attempts for one username that
         *     did not succeed, the next attempt answers 429 `rate_limited` (with `Retry-After`) without checking the
         *     password, for 1 s, then 2 s, 4 s… doubling with each further failure, at most 15 minutes; a success
         *     clears the count. Usernames that do not exist are limited the same way, so the answer reveals nothing.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for a new session
         * @description Refresh tokens rotate; the one sent is spent and a new one of the same session (family) comes back.
         *     Sending a spent refresh token again is taken as theft (RFC 6819, OAuth 2.1): the whole session is
         *     revoked, so the newer refresh token stops working too, and the answer is 401 `invalid_credentials`.
         *     A session cannot be refreshed past its absolute lifetime (`CONFAB_SESSION_MAX_AGE`, 90 days by
         *     default, counted from the sign-in), nor after `logoutAll` or `changePassword`.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a session
         * @description Ends the session the refresh token belongs to: it and every other refresh token of the same sign-in
         *     stop working. Access tokens already issued expire on their own (`logoutAll` refuses them at once).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere
         * @description Ends every session of the caller's built-in account, on every device: all refresh tokens are revoked,
         *     access tokens already issued stop working at once (401 `unauthorized`), and unused socket tickets are
         *     spent. The account's open sockets are closed with close code 4001 (signed out); they cannot
         *     reconnect, since a new socket needs a ticket and a ticket needs a valid token. A host-app user is signed out by their host (it stops
         *     minting tokens for them), so for them this answers 403 `forbidden`.
         */
        post: operations["logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password and sign out every other session
         * @description Checks `currentPassword`, sets `newPassword`, ends every session of the account as `logoutAll` does,
         *     and answers a fresh session for the caller, who carries on with it. A wrong `currentPassword` answers
         *     403 `forbidden` and counts towards the per-username sign-in backoff (see `login`), which answers 429.
         *     A host-app user has no password here: 403 `forbidden`.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/ws-ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a single-use ticket for the WebSocket
         * @description The ticket opens `GET /api/v1/ws?ticket=…` once, within `expiresAt`, and carries the scopes of the
         *     token that asked for it. It is valid on every process of a deployment.
         */
        post: operations["createWsTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the signed-in user's display name or avatar
         * @description Sets `displayName` (trimmed) and `avatarUrl` (an absolute `http:` or `https:` URL; `null` removes it).
         *     For a user signed in with a host-app token, the host stays in charge: the next token's `name`
         *     (and `picture`, when it has one) win again.
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find users by the start of their username
         * @description For starting a direct message or adding someone to a channel. Usernames are lower-case.
         */
        get: operations["searchUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user by id */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Channels the caller has joined, or public channels to browse
         * @description `scope=joined` (default) lists the caller's channels, most recent activity first, each with
         *     `unreadCount` and `lastReadSeq`. `scope=public` lists public channels by name.
         */
        get: operations["listChannels"];
        put?: never;
        /**
         * Create a channel or open a direct conversation
         * @description A public or private channel is created with the caller as its owner; `memberIds` invites others
         *     at once. Names are unique per visibility among public and private channels, ignoring case: a name
         *     already in use answers 409 `name_taken`. `visibility: direct` opens (or returns, with 200) the one
         *     direct channel between the caller and `userId`.
         */
        post: operations["createChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /**
         * One channel
         * @description Public channels are visible to every user; private and direct ones only to members.
         */
        get: operations["getChannel"];
        put?: never;
        post?: never;
        /** Delete a channel and its history (owners and administrators) */
        delete: operations["deleteChannel"];
        options?: never;
        head?: never;
        /**
         * Change a channel's name, topic or settings (owners and administrators)
         * @description A new name must be free among the channels of the same visibility, ignoring case (409 `name_taken`
         *     otherwise); changing only the case of the channel's own name is fine.
         */
        patch: operations["updateChannel"];
        trace?: never;
    };
    "/api/v1/channels/{channelId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Move the caller's read marker
         * @description The marker only moves forward; a lower `seq` leaves it where it is.
         */
        put: operations["markRead"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /**
         * A range of the channel"s event log
         * @description The events with `seq` greater than `afterSeq`, ascending, as the socket would have sent them,
         *     for a client that saw a gap in `seq`. When more than the replay window was missed, the reply has
         *     `resync: true` and no items, and the client refetches the newest page of messages instead.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /** Members of a channel */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}/members/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
                /** @description A user id, or `me` for the caller. */
                memberId: components["schemas"]["MemberRef"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Join a channel (`me`) or add someone to it
         * @description `me` joins a public channel; a private channel refuses users who were not added by a member.
         *     Adding someone else needs membership of the channel. Joining twice is harmless (200).
         */
        put: operations["addMember"];
        post?: never;
        /** Leave a channel (`me`) or remove someone from it (owners, moderators and administrators) */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role or mute them
         * @description `role` is the owners' (and administrators') to change: promote to `moderator` or `owner`, demote to
         *     `member`; the last owner cannot step down (409). `mutedUntil` (null lifts it) is for owners, moderators
         *     and administrators: a muted member still reads but cannot post or react (403 `muted`) until then.
         *     Only someone who outranks the member may act on them. Each change is a `member:updated` event.
         */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/api/v1/channels/{channelId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /**
         * A page of a channel's messages
         * @description Top-level messages (thread replies are paged by `listReplies`), ascending by `seq`.
         *     Without a cursor: the newest page. `before` pages backwards, `after` forwards, `around` returns
         *     a page holding that message with cursors both ways. Give at most one of the three.
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Post a message or a thread reply
         * @description Idempotent by `clientMessageId`: sending the same id again (per author and channel) returns the
         *     stored message with 200 instead of a second copy.
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        /** One message */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        /** Delete a message (author only), leaving a tombstone */
        delete: operations["deleteMessage"];
        options?: never;
        head?: never;
        /** Edit a message (author only) */
        patch: operations["editMessage"];
        trace?: never;
    };
    "/api/v1/messages/{messageId}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        /**
         * A page of a thread's replies
         * @description Same paging as `listMessages`; without a cursor, the newest replies.
         */
        get: operations["listReplies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{messageId}/reactions/{emoji}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
                /** @description One emoji (URL-encoded) or a `:shortcode:`. */
                emoji: components["schemas"]["Emoji"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * React to a message
         * @description Reacting twice with the same emoji is harmless.
         */
        put: operations["addReaction"];
        post?: never;
        /** Take a reaction back */
        delete: operations["removeReaction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{messageId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a message's link preview (author only)
         * @description The message keeps its text; `preview` becomes null (a `message:updated` event) and is not fetched again.
         */
        delete: operations["removePreview"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file to attach to a message
         * @description `multipart/form-data` with exactly one part named `file`. The size limit is the deployment's
         *     (`CONFAB_UPLOAD_LIMIT`, 10 MB by default) and the allowed types its allow-list (`CONFAB_UPLOAD_TYPES`;
         *     by default PNG, JPEG, GIF, WebP, PDF, plain text, MP4 and WebM). The type is read from the bytes, never
         *     taken from the client's `Content-Type`; an image's width and height are read from the file. An upload
         *     is private to its uploader until a message references it; one no message references after a day is
         *     deleted. Optional: a backend may leave uploads out (`404`).
         */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: components["parameters"]["UploadId"];
            };
            cookie?: never;
        };
        /**
         * An upload, with a freshly signed link
         * @description For its uploader, and for whoever may read a message that references it: the members of the channel,
         *     and for a public channel anyone signed in (as for the channel's messages). Anyone else gets 404.
         */
        get: operations["getUpload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads/{uploadId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: components["parameters"]["UploadId"];
            };
            cookie?: never;
        };
        /**
         * The bytes of an upload, through a signed link
         * @description The `url` of an `Upload` (or of a message body that references one) points here. It needs no
         *     `Authorization` header, so `<img src>` works: `expires` and `signature` (an HMAC with the deployment's
         *     secret, valid on every process) are the permission. Links are minted only for the uploader and for
         *     readers of a message that references the upload, and they expire. Served with
         *     `X-Content-Type-Options: nosniff` and a sandboxing `Content-Security-Policy`; anything but an image or
         *     a video comes with `Content-Disposition: attachment`.
         */
        get: operations["getUploadContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users the caller blocked */
        get: operations["listBlocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/blocks/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Block a user
         * @description A blocked user cannot open a direct channel with the caller (403 `blocked`) nor mention them (the
         *     mention is dropped: no `mention` frame, no unread mention). The caller's clients hide the blocked
         *     user's messages. Blocking twice is harmless.
         */
        put: operations["blockUser"];
        post?: never;
        /** Unblock a user */
        delete: operations["unblockUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}/bans": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /** Users banned from a channel (owners, moderators and administrators) */
        get: operations["listBans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}/bans/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Ban a user from a channel (owners, moderators and administrators)
         * @description The user stops being a member (a `member:banned` event) and, until `until` (for good without it),
         *     cannot read the channel (403 `banned`), join it or be added to it. Banning again replaces the ban.
         *     Only someone who outranks the user may ban them (administrator > owner > moderator > member).
         */
        put: operations["banMember"];
        post?: never;
        /**
         * Lift a ban (owners, moderators and administrators)
         * @description A `member:unbanned` event; the user may join (or be added) again.
         */
        delete: operations["unbanMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /** The channel's moderation record (owners, moderators and administrators) */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /** Reported messages of a channel (owners, moderators and administrators) */
        get: operations["listReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{messageId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a message to the channel's moderators
         * @description Any reader of the message may report it; reporting it again while open answers the open report (200).
         *     A deleted message cannot be reported (409 `conflict`), nor the caller's own message (400), nor a message of
         *     a direct channel, which has no moderators (403).
         */
        post: operations["reportMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{reportId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reportId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Resolve a report (owners, moderators and administrators of its channel)
         * @description A report is resolved once; resolving it again answers 409 `conflict`.
         */
        patch: operations["resolveReport"];
        trace?: never;
    };
    "/api/v1/messages/{messageId}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Pin a message to its channel
         * @description Owners, moderators and administrators; any member when the channel's `membersCanPin` is set. Pinning
         *     a pinned message is harmless. A `message:pinned` event; tombstones cannot be pinned (409).
         */
        put: operations["pinMessage"];
        post?: never;
        /**
         * Unpin a message (whoever may pin)
         * @description A `message:unpinned` event; unpinning a message that is not pinned is harmless.
         */
        delete: operations["unpinMessage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{channelId}/pins": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /** The channel's pinned messages */
        get: operations["listPins"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/search/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search messages
         * @description Full-text search over the messages of the channels the caller may read (public channels and the
         *     caller's own; never a channel they are banned from), or of one channel. Words match whole words,
         *     ignoring case and accents (no stemming, so every database answers alike); `"a phrase"` matches the words
         *     in order; `word*` matches words starting with `word` (two characters at least, four such prefixes per
         *     query at most: past that, `x*` is the word `x`). Every word must match. Deleted messages never
         *     match, an edited one matches its new text only. Hits come newest first.
         */
        get: operations["searchMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description 200 while the database and the bus answer and the process is not draining; 503 otherwise.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Opt-in: the reference server serves it on the main port only with `CONFAB_METRICS=public`, or on a
         *     separate listener with `CONFAB_METRICS_PORT` (bound to 127.0.0.1 unless `CONFAB_METRICS_HOST` says
         *     otherwise). Elsewhere it answers 404.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document, as JSON */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = {
    channelEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A committed channel event, POSTed to the host app
         * @description With `CONFAB_WEBHOOK_URL` (or endpoints in `CONFAB_WEBHOOKS_FILE`), every event of every channel's
         *     log is POSTed to each endpoint, in `seq` order per channel, at least once: it is queued in the same
         *     transaction that stores it and retried with exponential backoff until a 2xx answer, across restarts.
         *     A receiver drops a repeated `Confab-Event-Id`. `Confab-Signature` is `t=<unix seconds>,v1=<hex>`,
         *     the HMAC-SHA256 under the endpoint's secret of `<t>.<raw body>`; reject a wrong signature or an old
         *     `t` (a replay).
         */
        post: operations["deliverChannelEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type components = {
    schemas: {
        /** @description An opaque, time-sortable id (a UUIDv7). */
        Id: string;
        /** @description A user id, or `me`. */
        MemberRef: components["schemas"]["Id"] | "me";
        /** @description An opaque page cursor. */
        Cursor: string;
        /** Format: date-time */
        Timestamp: string;
        /** @description A per-channel event sequence number. */
        Seq: number;
        Emoji: string;
        /** @enum {string} */
        Scope: "chat:read" | "chat:write";
        /**
         * @description Stable error codes, shared by problem documents and socket `error` frames.
         *     - `invalid_request` (400): a malformed body, parameter or value, or a broken rule
         *     - `unauthorized` (401): no token, or a token that is not valid
         *     - `token_expired` (401): the token has expired; refresh it
         *     - `invalid_credentials` (401): wrong username or password, or a spent refresh token
         *     - `forbidden` (403): not allowed to do this (not a member, not the author or owner)
         *     - `insufficient_scope` (403): the token lacks the scope (`chat:write`) this needs
         *     - `not_found` (404): no such thing, or not visible to the caller
         *     - `username_taken` (409): the username is in use
         *     - `name_taken` (409): another channel of the same visibility has this name (ignoring case)
         *     - `conflict` (409): the change conflicts with the current state (editing a tombstone)
         *     - `payload_too_large` (413): the body or frame is over the limit
         *     - `unsupported_media_type` (415): the body is not JSON
         *     - `rate_limited` (429): too many requests; wait `retryAfter` seconds
         *     - `internal_error` (500): a bug; the `requestId` helps find it in the logs
         *     - `unavailable` (503): the server is draining or a dependency is down
         *     - `invalid_frame` (socket): the frame is not JSON or breaks its schema
         *     - `unknown_frame_type` (socket): the frame's `type` is not one the server knows
         *     - `banned` (403): the caller is banned from the channel
         *     - `muted` (403): the caller is muted in the channel until their `mutedUntil`
         *     - `read_only` (403): the channel is read-only (only owners and moderators post) or archived
         *     - `blocked` (403): the other user blocked the caller
         * @enum {string}
         */
        ErrorCode: "invalid_request" | "unauthorized" | "token_expired" | "invalid_credentials" | "forbidden" | "insufficient_scope" | "not_found" | "username_taken" | "name_taken" | "conflict" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal_error" | "unavailable" | "invalid_frame" | "unknown_frame_type" | "banned" | "muted" | "read_only" | "blocked";
        /** @description An RFC 9457 problem document. */
        Problem: {
            /** @description A URI naming the problem type. */
            type: string;
            title: string;
            status: number;
            code: components["schemas"]["ErrorCode"];
            detail: string;
            instance?: string;
            requestId?: string;
            /** @description Seconds to wait before retrying. */
            retryAfter?: number;
            /** @description Each broken rule of an `invalid_request`. */
            errors?: {
                path: string;
                message: string;
            }[];
        };
        User: {
            id: components["schemas"]["Id"];
            username: string;
            displayName: string;
            /**
             * @description The user's picture: an absolute `http:` or `https:` URL, absent when the user has none (from a
             *     host-app token's `picture` claim, or set with `updateMe`).
             */
            avatarUrl?: components["schemas"]["HttpUrl"];
        };
        UserList: {
            items: components["schemas"]["User"][];
        };
        Me: components["schemas"]["User"] & {
            scopes: components["schemas"]["Scope"][];
            /** @description A deployment administrator (`CONFAB_ADMINS`, or a host-app token's `confab_admin` claim). */
            admin?: boolean;
        };
        UpdateMeRequest: {
            displayName?: string;
            /** @description An absolute `http:` or `https:` URL; `null` removes the avatar. */
            avatarUrl?: components["schemas"]["HttpUrl"] | null;
        };
        RegisterRequest: {
            username: string;
            password: string;
            displayName?: string;
        };
        LoginRequest: {
            username: string;
            password: string;
        };
        RefreshRequest: {
            refreshToken: string;
        };
        ChangePasswordRequest: {
            currentPassword: string;
            newPassword: string;
        };
        AuthSession: {
            user: components["schemas"]["User"];
            accessToken: string;
            refreshToken: string;
            /** @description When `accessToken` expires. */
            expiresAt: components["schemas"]["Timestamp"];
        };
        WsTicket: {
            ticket: string;
            expiresAt: components["schemas"]["Timestamp"];
        };
        /** @enum {string} */
        Visibility: "public" | "private" | "direct";
        /**
         * @description `owner`: everything, including roles and settings; `moderator`: removes messages and members, bans,
         *     mutes, pins and handles reports; `member`: posts and reacts. Deployment administrators
         *     (`Me.admin`) may do all an owner may in every channel.
         * @enum {string}
         */
        Role: "owner" | "moderator" | "member";
        Channel: {
            id: components["schemas"]["Id"];
            name: string;
            visibility: components["schemas"]["Visibility"];
            topic: string;
            createdBy: components["schemas"]["Id"];
            createdAt: components["schemas"]["Timestamp"];
            lastSeq: components["schemas"]["Seq"];
            lastMessageAt: components["schemas"]["Timestamp"] | null;
            memberCount: number;
            /** @description The caller's role; null when the caller is not a member. */
            role: components["schemas"]["Role"] | null;
            /** @description For a direct channel, the other user. */
            directWith?: components["schemas"]["User"];
            /** @description Messages by others after `lastReadSeq` (members only). */
            unreadCount?: number;
            /** @description The caller's read marker (members only). */
            lastReadSeq?: components["schemas"]["Seq"];
            /** @description Messages by others after `lastReadSeq` that mention the caller or `@channel` (members only; optional). */
            unreadMentionCount?: number;
            /** @description Only owners and moderators post (an announcements channel); optional, false when absent. */
            readOnly?: boolean;
            /** @description Nobody posts or reacts until it is unarchived; it stays readable. Optional, false when absent. */
            archived?: boolean;
            /** @description Any member may pin, not only owners and moderators. Optional, false when absent. */
            membersCanPin?: boolean;
            /** @description Until when the caller is muted here (members only; optional); null or absent when not muted. */
            mutedUntil?: components["schemas"]["Timestamp"] | null;
        };
        EventPage: {
            items: components["schemas"]["EventFrame"][];
            /** @description The channel"s newest `seq` when the page was read. */
            headSeq: components["schemas"]["Seq"];
            /** @description True when more than the replay window was missed; `items` is then empty. */
            resync: boolean;
        };
        ChannelPage: {
            items: components["schemas"]["Channel"][];
            nextCursor: components["schemas"]["Cursor"] | null;
        };
        ChannelName: string;
        CreateChannelRequest: {
            name: components["schemas"]["ChannelName"];
            /** @enum {string} */
            visibility: "public" | "private";
            topic?: string;
            memberIds?: components["schemas"]["Id"][];
        } | {
            /** @constant */
            visibility: "direct";
            userId: components["schemas"]["Id"];
        };
        UpdateChannelRequest: {
            name?: components["schemas"]["ChannelName"];
            topic?: string;
            readOnly?: boolean;
            archived?: boolean;
            membersCanPin?: boolean;
        };
        ReadRequest: {
            seq: components["schemas"]["Seq"];
        };
        ReadState: {
            channelId: components["schemas"]["Id"];
            lastReadSeq: components["schemas"]["Seq"];
            unreadCount: number;
        };
        Member: {
            user: components["schemas"]["User"];
            role: components["schemas"]["Role"];
            joinedAt: components["schemas"]["Timestamp"];
            /** @description Until when the member is muted (optional); null or absent when not muted. */
            mutedUntil?: components["schemas"]["Timestamp"] | null;
        };
        UpdateMemberRequest: {
            role?: components["schemas"]["Role"];
            mutedUntil?: components["schemas"]["Timestamp"] | null;
        };
        BanRequest: {
            reason?: string;
            /** @description When the ban ends; for good without it. */
            until?: components["schemas"]["Timestamp"];
        };
        Ban: {
            channelId: components["schemas"]["Id"];
            user: components["schemas"]["User"];
            reason: string | null;
            until: components["schemas"]["Timestamp"] | null;
            bannedBy: components["schemas"]["User"];
            createdAt: components["schemas"]["Timestamp"];
        };
        BanPage: {
            items: components["schemas"]["Ban"][];
            nextCursor: components["schemas"]["Cursor"] | null;
        };
        /** @enum {string} */
        AuditAction: "message.deleted" | "member.removed" | "member.role_changed" | "member.muted" | "member.unmuted" | "member.banned" | "member.unbanned" | "channel.updated" | "message.pinned" | "message.unpinned" | "report.resolved";
        AuditEntry: {
            id: components["schemas"]["Id"];
            channelId: components["schemas"]["Id"];
            action: components["schemas"]["AuditAction"];
            actor: components["schemas"]["User"];
            /** @description The user acted on, if any. */
            target: components["schemas"]["User"] | null;
            messageId: components["schemas"]["Id"] | null;
            reason: string | null;
            /** @description What changed: `{role}` for a role, `{until}` for a mute or ban, the changed settings for `channel.updated`, `{resolution}` for a report. */
            details: {
                [key: string]: unknown;
            };
            at: components["schemas"]["Timestamp"];
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            nextCursor: components["schemas"]["Cursor"] | null;
        };
        ReportRequest: {
            reason: string;
        };
        ResolveReportRequest: {
            /**
             * @description `actioned`: the moderator did something about it (removed the message, muted or banned the author).
             * @enum {string}
             */
            resolution: "dismissed" | "actioned";
        };
        Report: {
            id: components["schemas"]["Id"];
            channelId: components["schemas"]["Id"];
            message: components["schemas"]["Message"];
            reporter: components["schemas"]["User"];
            reason: string;
            createdAt: components["schemas"]["Timestamp"];
            /** @enum {string} */
            status: "open" | "resolved";
            resolution: ("dismissed" | "actioned") | null;
            resolvedBy: components["schemas"]["User"] | null;
            resolvedAt: components["schemas"]["Timestamp"] | null;
        };
        ReportPage: {
            items: components["schemas"]["Report"][];
            nextCursor: components["schemas"]["Cursor"] | null;
        };
        PinPage: {
            items: components["schemas"]["Message"][];
            nextCursor: components["schemas"]["Cursor"] | null;
        };
        SearchHit: {
            message: components["schemas"]["Message"];
            channel: {
                id: components["schemas"]["Id"];
                name: string;
                visibility: components["schemas"]["Visibility"];
            };
            /** @description Plain text around the matches (at most about 200 characters; `…` where it was cut). Never HTML. */
            snippet: string;
            /** @description The matched words in `snippet`, as UTF-16 offsets `[start, end)`, ascending and not overlapping. */
            highlights: {
                start: number;
                end: number;
            }[];
        };
        SearchPage: {
            items: components["schemas"]["SearchHit"][];
            nextCursor: components["schemas"]["Cursor"] | null;
        };
        /** @description One committed channel event as a webhook delivers it (the socket's `event` frame, with an `id`). */
        WebhookEvent: {
            /** @description Unique per event (also in `Confab-Event-Id`); the same on every retry. */
            id: string;
            channelId: components["schemas"]["Id"];
            seq: components["schemas"]["Seq"];
            kind: components["schemas"]["EventKind"];
            at: components["schemas"]["Timestamp"];
            /** @description As in the `event` frame. */
            data: Record<string, never>;
        };
        MemberPage: {
            items: components["schemas"]["Member"][];
            nextCursor: components["schemas"]["Cursor"] | null;
        };
        /** Format: uri */
        HttpUrl: string;
        TextBody: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "text";
            /** @description Plain text with a small markdown subset (bold, italic, code, code blocks, links, @mentions). */
            text: string;
        };
        /**
         * @description Where the bytes are: an absolute `http(s)` URL, or for an upload a signed link relative to the
         *     server's base URL (`api/v1/uploads/{id}/content?expires=…&signature=…`). Resolve it against the base URL
         *     with a trailing slash, as a browser resolves a link, so it works behind any proxy or path prefix. A
         *     signed link expires; every read of the message (a page, an event, an ack) carries a freshly minted one.
         */
        ContentUrl: string;
        /**
         * @description An image by URL (`url`, `width` and `height` required) or by upload (`uploadId` of one of the sender's
         *     own uploads: the server fills in `url`, `width`, `height`, `name` and `size` from it).
         */
        ImageBody: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "image";
            url?: components["schemas"]["ContentUrl"];
            uploadId?: components["schemas"]["Id"];
            width?: number;
            height?: number;
            alt?: string;
            name?: string;
            size?: number;
        };
        /** @description A video by URL, or by `uploadId` (the server fills in `url`, `name`, `size` and `contentType`). */
        VideoBody: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "video";
            url?: components["schemas"]["ContentUrl"];
            uploadId?: components["schemas"]["Id"];
            name?: string;
            size?: number;
            contentType?: string;
        };
        /**
         * @description A file the sender uploaded. Send `uploadId`; the server fills in `name`, `size`, `contentType` and `url`
         *     from the upload (whatever the client sent for them is replaced).
         */
        FileBody: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "file";
            uploadId: components["schemas"]["Id"];
            name?: string;
            size?: number;
            contentType?: string;
            url?: components["schemas"]["ContentUrl"];
        };
        /** @description Typed message content; a new kind of content is a new schema here. */
        MessageBody: components["schemas"]["TextBody"] | components["schemas"]["ImageBody"] | components["schemas"]["VideoBody"] | components["schemas"]["FileBody"];
        Upload: {
            id: components["schemas"]["Id"];
            /** @description A signed, expiring link to the bytes (see `ContentUrl`). */
            url: components["schemas"]["ContentUrl"];
            /** @description The file name the client gave, stripped of any path. */
            name: string;
            /** @description The type read from the bytes (never the one the client claimed). */
            contentType: string;
            size: number;
            /** @description Images: width in pixels, read from the file. */
            width?: number;
            /** @description Images: height in pixels, read from the file. */
            height?: number;
            createdAt: components["schemas"]["Timestamp"];
        };
        /** @description Users a text message mentions (`@username` of a channel member, resolved by the server). */
        Mentions: components["schemas"]["Id"][];
        /**
         * @description What the server read from the first `http(s)` link of a text message: the page's Open Graph (or plain
         *     HTML) title, description, image and site name. `imageUrl` is the page's own image address, not proxied:
         *     a client that shows it loads it from that site (with no referrer).
         */
        LinkPreview: {
            url: components["schemas"]["HttpUrl"];
            title: string;
            description: string;
            imageUrl: components["schemas"]["HttpUrl"] | null;
            siteName: string;
        };
        /** @description Chosen by the sender (a UUID is a good choice); a retry with the same id never makes a second message. */
        ClientMessageId: string;
        Reaction: {
            emoji: string;
            count: number;
            userIds: components["schemas"]["Id"][];
        };
        Message: {
            id: components["schemas"]["Id"];
            channelId: components["schemas"]["Id"];
            /** @description The `seq` of the event that created the message. */
            seq: components["schemas"]["Seq"];
            clientMessageId: components["schemas"]["ClientMessageId"];
            author: components["schemas"]["User"];
            /** @description The content; null on a tombstone. */
            body: components["schemas"]["MessageBody"] | null;
            /** @description The thread's parent for a reply; null for a top-level message. */
            parentId: components["schemas"]["Id"] | null;
            replyCount: number;
            lastReplyAt: components["schemas"]["Timestamp"] | null;
            reactions: components["schemas"]["Reaction"][];
            createdAt: components["schemas"]["Timestamp"];
            editedAt: components["schemas"]["Timestamp"] | null;
            deletedAt: components["schemas"]["Timestamp"] | null;
            /** @description Users the message mentions (optional; empty or absent when none). */
            mentions?: components["schemas"]["Mentions"];
            /** @description The message mentions `@channel`, everyone in it (optional). */
            mentionsChannel?: boolean;
            /** @description Who deleted it, on a tombstone (the author, or a moderator who removed it); optional. */
            deletedBy?: components["schemas"]["Id"] | null;
            /** @description When it was pinned; null or absent when it is not pinned. */
            pinnedAt?: components["schemas"]["Timestamp"] | null;
            /** @description Who pinned it; null or absent when it is not pinned. */
            pinnedBy?: components["schemas"]["Id"] | null;
            /** @description A link preview, added after the message was stored (a `message:updated` event); null or absent when none. */
            preview?: components["schemas"]["LinkPreview"] | null;
        };
        MessagePage: {
            /**
             * @description The channel's newest event `seq` when the page was read: every event up to it is reflected in
             *     `items`, so a client subscribes with `afterSeq: headSeq` and misses nothing.
             */
            headSeq: components["schemas"]["Seq"];
            items: components["schemas"]["Message"][];
            /** @description Cursor for the older page; null when nothing is older. */
            prevCursor: components["schemas"]["Cursor"] | null;
            /** @description Cursor for the newer page; null when nothing is newer (yet). */
            nextCursor: components["schemas"]["Cursor"] | null;
        };
        SendMessageRequest: {
            clientMessageId: components["schemas"]["ClientMessageId"];
            body: components["schemas"]["MessageBody"];
            parentId?: components["schemas"]["Id"];
            /** @description Users to mention besides the `@username`s in the text; each must be a member of the channel. */
            mentions?: components["schemas"]["Mentions"];
        };
        EditMessageRequest: {
            body: components["schemas"]["MessageBody"];
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Readiness: {
            /** @enum {string} */
            status: "ready" | "draining" | "unavailable";
            checks: {
                database: boolean;
                bus: boolean;
            };
        };
        ChannelSubscription: {
            id: components["schemas"]["Id"];
            /** @description The last `seq` the client applied; the server replays every later event. */
            afterSeq?: components["schemas"]["Seq"];
        };
        SubscribeFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "subscribe";
            channels: components["schemas"]["ChannelSubscription"][];
        };
        UnsubscribeFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "unsubscribe";
            channels: components["schemas"]["Id"][];
        };
        SendFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "send";
            clientMessageId: components["schemas"]["ClientMessageId"];
            channelId: components["schemas"]["Id"];
            body: components["schemas"]["MessageBody"];
            parentId?: components["schemas"]["Id"];
            mentions?: components["schemas"]["Mentions"];
        };
        TypingFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "typing";
            channelId: components["schemas"]["Id"];
            parentId?: components["schemas"]["Id"];
        };
        ReadFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "read";
            channelId: components["schemas"]["Id"];
            seq: components["schemas"]["Seq"];
        };
        PingFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ping";
            id?: string;
        };
        /** @description Any frame a client sends. */
        ClientFrame: components["schemas"]["SubscribeFrame"] | components["schemas"]["UnsubscribeFrame"] | components["schemas"]["SendFrame"] | components["schemas"]["TypingFrame"] | components["schemas"]["ReadFrame"] | components["schemas"]["PingFrame"];
        HelloFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "hello";
            sessionId: string;
            user: components["schemas"]["User"];
            scopes: components["schemas"]["Scope"][];
            /** @description Send a `ping` at least this often; the server drops a socket silent for two periods. */
            heartbeatMs: number;
        };
        /** @description The subscription is live; `seq` is the channel's newest event when it went live. */
        SubscribedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "subscribed";
            channelId: components["schemas"]["Id"];
            seq: components["schemas"]["Seq"];
        };
        /** @description The server ended a subscription (the user left or was removed, or the channel was deleted). */
        UnsubscribedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "unsubscribed";
            channelId: components["schemas"]["Id"];
            /** @enum {string} */
            reason: "requested" | "removed" | "deleted";
        };
        /** @enum {string} */
        EventKind: "message:created" | "message:updated" | "message:deleted" | "reaction:added" | "reaction:removed" | "member:joined" | "member:left" | "member:updated" | "member:banned" | "member:unbanned" | "message:pinned" | "message:unpinned" | "channel:updated";
        MessageEventData: {
            message: components["schemas"]["Message"];
        };
        ReactionEventData: {
            message: components["schemas"]["Message"];
            emoji: string;
            userId: components["schemas"]["Id"];
        };
        MemberEventData: {
            user: components["schemas"]["User"];
            role: components["schemas"]["Role"];
            /** @description `member:updated`: the member's mute, null when not muted. */
            mutedUntil?: components["schemas"]["Timestamp"] | null;
            /** @description Who did it, when it was not the user themself (a removal, a role change, a mute, a ban). */
            by?: components["schemas"]["Id"];
            /** @description `member:banned`: when the ban ends; null for good. */
            until?: components["schemas"]["Timestamp"] | null;
        };
        ChannelEventData: {
            /** @description The channel as a non-member sees it (`role` null, no `unreadCount` or `lastReadSeq`). */
            channel: components["schemas"]["Channel"];
        };
        /**
         * @description One committed change in a channel. `seq` grows by one per event; replies, edits and reactions
         *     are events too. `message:created` of a reply is followed by `message:updated` of its parent
         *     (new `replyCount`).
         */
        EventFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "event";
            channelId: components["schemas"]["Id"];
            seq: components["schemas"]["Seq"];
            kind: components["schemas"]["EventKind"];
            at: components["schemas"]["Timestamp"];
            /** @description `message:*` → MessageEventData; `reaction:*` → ReactionEventData; `member:*` → MemberEventData; `channel:updated` → ChannelEventData. */
            data: components["schemas"]["MessageEventData"] | components["schemas"]["ReactionEventData"] | components["schemas"]["MemberEventData"] | components["schemas"]["ChannelEventData"];
        };
        AckFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ack";
            clientMessageId: components["schemas"]["ClientMessageId"];
            message: components["schemas"]["Message"];
        };
        /** @description Someone is typing; it lapses after `expiresInMs` without another. */
        TypingServerFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "typing";
            channelId: components["schemas"]["Id"];
            parentId?: components["schemas"]["Id"];
            user: components["schemas"]["User"];
            expiresInMs: number;
        };
        /**
         * @description Who is online in the channel (has a socket subscribed to it). Right after its `subscribed`, the
         *     subscribing socket alone gets the whole list in `online`. After that every subscriber gets only changes:
         *     `joined` and `left`, coalesced over a short tick and sent only when a user's online state in the channel
         *     really changes (a second socket of the same user, or a re-subscribe, changes nothing). A client replaces
         *     its list with `online` and applies `joined` and `left` to it.
         */
        PresenceFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "presence";
            channelId: components["schemas"]["Id"];
            /** @description Everyone online in the channel now, the subscriber included (only in the answer to `subscribe`). */
            online?: components["schemas"]["Id"][];
            /** @description Users who came online in the channel since the last frame. */
            joined?: components["schemas"]["Id"][];
            /** @description Users who went offline in the channel since the last frame. */
            left?: components["schemas"]["Id"][];
        };
        /**
         * @description Too much was missed to replay (or `afterSeq` is unknown): refetch the newest page over REST.
         *     The subscription is live from `seq` on.
         */
        ResyncFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "resync";
            channelId: components["schemas"]["Id"];
            seq: components["schemas"]["Seq"];
        };
        ErrorFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "error";
            code: components["schemas"]["ErrorCode"];
            detail: string;
            /**
             * @description What the error answers: for a `send`, its `clientMessageId` whenever the frame has a string one,
             *     even when the rest of the frame breaks its schema (text over the limit, a bad body), so the client
             *     can fail that one pending send; otherwise the refused frame's `type`.
             */
            ref?: string;
            channelId?: components["schemas"]["Id"];
            retryAfter?: number;
        };
        PongFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "pong";
            id?: string;
        };
        /**
         * @description The user became a member of `channel`, shown as they see it: they created or joined it (perhaps from
         *     another device), a member added them, or someone opened a direct channel with them. Sent to every
         *     socket of the user, subscribed or not; subscribe to the channel to hear its events.
         */
        AddedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "added";
            channel: components["schemas"]["Channel"];
        };
        /**
         * @description A new message mentions the user (by `@username`, in `mentions`, or `@channel`). Sent to every socket of
         *     the mentioned user, subscribed to the channel or not; not replayed (the channel's `unreadMentionCount`
         *     says what was missed).
         */
        MentionFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "mention";
            channelId: components["schemas"]["Id"];
            message: components["schemas"]["Message"];
        };
        /** @description Any frame the server sends. */
        ServerFrame: components["schemas"]["HelloFrame"] | components["schemas"]["SubscribedFrame"] | components["schemas"]["UnsubscribedFrame"] | components["schemas"]["EventFrame"] | components["schemas"]["AckFrame"] | components["schemas"]["TypingServerFrame"] | components["schemas"]["PresenceFrame"] | components["schemas"]["ResyncFrame"] | components["schemas"]["ErrorFrame"] | components["schemas"]["PongFrame"] | components["schemas"]["AddedFrame"] | components["schemas"]["MentionFrame"];
    };
    responses: {
        /** @description The request is malformed or breaks a rule (`invalid_request`). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://confab.dev/problems/invalid_request",
                 *       "title": "Invalid request",
                 *       "status": 400,
                 *       "code": "invalid_request",
                 *       "detail": "body/text must NOT have more than 4000 characters"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The server cannot answer now (`unavailable`): a dependency is down — the database, or the keys a host
         *     publishes for its app tokens (JWKS) — or the server is draining. Retry later, with backoff.
         */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No valid credentials (`unauthorized`, `invalid_credentials`, `token_expired`). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Signed in, but not allowed (`forbidden`, `insufficient_scope`, `banned`, `muted`, `read_only`, `blocked`). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such thing, or not visible to the caller (`not_found`). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with the current state (`username_taken`, `conflict`). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Another channel of the same visibility has this name, ignoring case (`name_taken`). */
        NameTaken: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://confab.dev/problems/name_taken",
                 *       "title": "Name taken",
                 *       "status": 409,
                 *       "code": "name_taken",
                 *       "detail": "A public channel named \"general\" already exists."
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is over the size limit (`payload_too_large`). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not JSON (`unsupported_media_type`). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Over a rate limit (`rate_limited`); retry after `retryAfter` seconds. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://confab.dev/problems/rate_limited",
                 *       "title": "Too many requests",
                 *       "status": 429,
                 *       "code": "rate_limited",
                 *       "detail": "Too many changes; slow down.",
                 *       "retryAfter": 1
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Too many sign-in attempts (`rate_limited`): from this client address, or for this username (the
         *     per-username backoff doubles after each failure past the fifth, at most 15 minutes). Retry after
         *     `retryAfter` seconds.
         */
        SignInBackoff: {
            headers: {
                /** @description Seconds to wait. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://confab.dev/problems/rate_limited",
                 *       "title": "Too many requests",
                 *       "status": 429,
                 *       "code": "rate_limited",
                 *       "detail": "Too many failed sign-ins for this username; wait 4 s.",
                 *       "retryAfter": 4
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        ChannelId: components["schemas"]["Id"];
        MessageId: components["schemas"]["Id"];
        UploadId: components["schemas"]["Id"];
        UserId: components["schemas"]["Id"];
        /** @description The `nextCursor` of the previous page. */
        Cursor: components["schemas"]["Cursor"];
        /** @description A `prevCursor`; the page of older items. */
        Before: components["schemas"]["Cursor"];
        /** @description A `nextCursor`; the page of newer items. */
        After: components["schemas"]["Cursor"];
        /** @description A message id; the page that holds it. */
        Around: components["schemas"]["Id"];
        /** @description Page size; 50 when absent, at most 100. */
        Limit: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "alice",
                 *       "password": "correct-horse-battery"
                 *     }
                 */
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description The account was created; the reply is a fresh session. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "username": "alice",
                 *       "password": "correct-horse-battery"
                 *     }
                 */
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description A fresh session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["SignInBackoff"];
            503: components["responses"]["Unavailable"];
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A fresh session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            /**
             * @description The refresh token is unknown, spent, expired or revoked, or its session is over
             *     (`invalid_credentials`). Sign in again.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://confab.dev/problems/invalid_credentials",
                     *       "title": "Invalid credentials",
                     *       "status": 401,
                     *       "code": "invalid_credentials",
                     *       "detail": "The refresh token is not valid."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description The refresh token is revoked (or was not valid). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["Unavailable"];
        };
    };
    logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session of the caller is ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller signed in with a host-app token (`forbidden`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://confab.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "detail": "A host-app user is signed out by the host app, not here."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currentPassword": "correct-horse-battery",
                 *       "newPassword": "battery-staple-horse-correct"
                 *     }
                 */
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description The password is changed; a fresh session for the caller (every other one is ended). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The current password is wrong, or the caller is a host-app user (`forbidden`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://confab.dev/problems/forbidden",
                     *       "title": "Forbidden",
                     *       "status": 403,
                     *       "code": "forbidden",
                     *       "detail": "The current password is wrong."
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["SignInBackoff"];
            503: components["responses"]["Unavailable"];
        };
    };
    createWsTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ticket. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WsTicket"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "displayName": "Alice Liddell",
                 *       "avatarUrl": "https://example.com/alice.png"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateMeRequest"];
            };
        };
        responses: {
            /** @description The caller, changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    searchUsers: {
        parameters: {
            query: {
                q: string;
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching users, by username. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listChannels: {
        parameters: {
            query?: {
                scope?: "joined" | "public";
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of channels. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    createChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "general",
                 *       "visibility": "public"
                 *     }
                 */
                "application/json": components["schemas"]["CreateChannelRequest"];
            };
        };
        responses: {
            /** @description The direct channel between the two users already existed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            /** @description The channel was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["NameTaken"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channel. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channel is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateChannel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateChannelRequest"];
            };
        };
        responses: {
            /** @description The updated channel. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Channel"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["NameTaken"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReadRequest"];
            };
        };
        responses: {
            /** @description The caller's read state in the channel. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadState"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listEvents: {
        parameters: {
            query: {
                afterSeq: components["schemas"]["Seq"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up to `limit` events after `afterSeq`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
                /** @description Only members of this role or a higher one: `moderator` lists the owners and moderators (what a client needs for role badges, without reading every member of a large channel). */
                minRole?: components["schemas"]["Role"];
            };
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
                /** @description A user id, or `me` for the caller. */
                memberId: components["schemas"]["MemberRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user was already a member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            /** @description The user joined. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
                /** @description A user id, or `me` for the caller. */
                memberId: components["schemas"]["MemberRef"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is no longer a member. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
                /** @description A user id, or `me` for the caller. */
                memberId: components["schemas"]["MemberRef"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberRequest"];
            };
        };
        responses: {
            /** @description The member as changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description A `prevCursor`; the page of older items. */
                before?: components["parameters"]["Before"];
                /** @description A `nextCursor`; the page of newer items. */
                after?: components["parameters"]["After"];
                /** @description A message id; the page that holds it. */
                around?: components["parameters"]["Around"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "clientMessageId": "01J9Z3Q4C1-hello",
                 *       "body": {
                 *         "type": "text",
                 *         "text": "Hello **world**"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description A retry; the message stored by the first send. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description The message was stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    deleteMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tombstone. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    editMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditMessageRequest"];
            };
        };
        responses: {
            /** @description The edited message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listReplies: {
        parameters: {
            query?: {
                /** @description A `prevCursor`; the page of older items. */
                before?: components["parameters"]["Before"];
                /** @description A `nextCursor`; the page of newer items. */
                after?: components["parameters"]["After"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of replies, ascending by `seq`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    addReaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
                /** @description One emoji (URL-encoded) or a `:shortcode:`. */
                emoji: components["schemas"]["Emoji"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message with its reactions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    removeReaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
                /** @description One emoji (URL-encoded) or a `:shortcode:`. */
                emoji: components["schemas"]["Emoji"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message with its reactions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    removePreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message without its preview. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    createUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    file: string;
                };
            };
        };
        responses: {
            /** @description The file is stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: components["parameters"]["UploadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The upload. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Upload"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    getUploadContent: {
        parameters: {
            query: {
                /** @description Unix time (seconds) after which the link stops working. */
                expires: number;
                signature: string;
            };
            header?: never;
            path: {
                uploadId: components["parameters"]["UploadId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    "Content-Disposition"?: string;
                    "X-Content-Type-Options"?: "nosniff";
                    [name: string]: unknown;
                };
                content: {
                    "*/*": unknown;
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listBlocks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The blocked users, most recently blocked first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["Unavailable"];
        };
    };
    blockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is blocked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    unblockUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is not blocked (any more). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listBans: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of bans in force, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BanPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    banMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BanRequest"];
            };
        };
        responses: {
            /** @description The ban in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ban"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    unbanMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is not banned (any more). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit entries, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listReports: {
        parameters: {
            query?: {
                /** @description Open reports (the default) or resolved ones. */
                status?: "open" | "resolved";
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reports, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    reportMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportRequest"];
            };
        };
        responses: {
            /** @description The caller's open report of this message. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description The report. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    resolveReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reportId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveReportRequest"];
            };
        };
        responses: {
            /** @description The resolved report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    pinMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message, with `pinnedAt` and `pinnedBy`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    unpinMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                messageId: components["parameters"]["MessageId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The message, `pinnedAt` null. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    listPins: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                channelId: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of pinned messages, most recently pinned first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PinPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    searchMessages: {
        parameters: {
            query: {
                q: string;
                /** @description Only this channel. */
                channelId?: components["schemas"]["Id"];
                /** @description The `nextCursor` of the previous page (older hits). */
                before?: components["schemas"]["Cursor"];
                /** @description Page size; 50 when absent, at most 100. */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of hits, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["Unavailable"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready for traffic. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Not ready (draining, or a dependency does not answer). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Metrics in the Prometheus text format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    deliverChannelEvent: {
        parameters: {
            query?: never;
            header: {
                "Confab-Event-Id": string;
                "Confab-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Delivered (any 2xx). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
