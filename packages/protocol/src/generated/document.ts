// Generated from openapi/confab.yaml by `npm run generate`. Do not edit.
/** The OpenAPI document, as served at `GET /openapi.json`. */
export const openapiDocument: Record<string, unknown> = {
  "openapi": "3.1.0",
  "info": {
    "title": "Confab API",
    "version": "1.0.0",
    "summary": "REST contract of the Confab chat SDK.",
    "description": "The REST half of the Confab contract. The WebSocket half is `asyncapi.yaml`; both share the schemas\nbelow. Everything under `/api/v1` speaks JSON; every error is an RFC 9457 problem document\n(`application/problem+json`) with a stable `code` (see `ErrorCode`).\n\nOrdering: every event in a channel (a message stored, edited, deleted, a reaction, a member joining…)\ngets the next per-channel `seq`. A message keeps the `seq` of the event that created it, so pages are\nordered by `seq` and `seq` gaps between messages are normal.\n\nScopes: access tokens and socket tickets carry scopes in `resource:action` style. `chat:read` lets a\nuser read channels, members and messages and listen on the socket; `chat:write` is needed for\nanything that changes shared state (posting, editing, reacting, creating and joining channels).\nA token without `chat:write` gives a read-only chat.\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "http://localhost:8787",
      "description": "A local `confab-server`."
    }
  ],
  "tags": [
    {
      "name": "auth",
      "description": "Built-in accounts, sessions and socket tickets."
    },
    {
      "name": "users",
      "description": "Who is who."
    },
    {
      "name": "channels",
      "description": "Public, private and direct channels, and the caller's read state in them."
    },
    {
      "name": "members",
      "description": "Who belongs to a channel."
    },
    {
      "name": "messages",
      "description": "Messages, threads and tombstones, paged by cursor."
    },
    {
      "name": "reactions",
      "description": "Emoji reactions on messages."
    },
    {
      "name": "uploads",
      "description": "Files and images to attach to messages, served through signed links."
    },
    {
      "name": "moderation",
      "description": "Roles, bans, mutes, reports, the audit log and blocks."
    },
    {
      "name": "search",
      "description": "Full-text search over the messages the caller may read."
    },
    {
      "name": "pins",
      "description": "Messages pinned to a channel."
    },
    {
      "name": "ops",
      "description": "Health, readiness, metrics and this document."
    }
  ],
  "security": [
    {
      "bearerAuth": [
        "chat:read"
      ]
    }
  ],
  "paths": {
    "/api/v1/auth/register": {
      "post": {
        "tags": [
          "auth"
        ],
        "operationId": "register",
        "summary": "Create a built-in account and sign in",
        "security": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RegisterRequest"
              },
              "example": {
                "username": "alice",
                "password": "correct-horse-battery"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The account was created; the reply is a fresh session.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthSession"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/auth/login": {
      "post": {
        "tags": [
          "auth"
        ],
        "operationId": "login",
        "summary": "Sign in with a built-in account",
        "description": "Each sign-in starts a session: a family of refresh tokens that rotate (see `refreshSession`).\n\nSign-ins are limited per client address and per username. After 5 attempts for one username that\ndid not succeed, the next attempt answers 429 `rate_limited` (with `Retry-After`) without checking the\npassword, for 1 s, then 2 s, 4 s… doubling with each further failure, at most 15 minutes; a success\nclears the count. Usernames that do not exist are limited the same way, so the answer reveals nothing.\n",
        "security": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LoginRequest"
              },
              "example": {
                "username": "alice",
                "password": "correct-horse-battery"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "A fresh session.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthSession"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/SignInBackoff"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/auth/refresh": {
      "post": {
        "tags": [
          "auth"
        ],
        "operationId": "refreshSession",
        "summary": "Trade a refresh token for a new session",
        "description": "Refresh tokens rotate; the one sent is spent and a new one of the same session (family) comes back.\nSending a spent refresh token again is taken as theft (RFC 6819, OAuth 2.1): the whole session is\nrevoked, so the newer refresh token stops working too, and the answer is 401 `invalid_credentials`.\nA session cannot be refreshed past its absolute lifetime (`CONFAB_SESSION_MAX_AGE`, 90 days by\ndefault, counted from the sign-in), nor after `logoutAll` or `changePassword`.\n",
        "security": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RefreshRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "A fresh session.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthSession"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "description": "The refresh token is unknown, spent, expired or revoked, or its session is over\n(`invalid_credentials`). Sign in again.\n",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://confab.dev/problems/invalid_credentials",
                  "title": "Invalid credentials",
                  "status": 401,
                  "code": "invalid_credentials",
                  "detail": "The refresh token is not valid."
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/auth/logout": {
      "post": {
        "tags": [
          "auth"
        ],
        "operationId": "logout",
        "summary": "End a session",
        "description": "Ends the session the refresh token belongs to: it and every other refresh token of the same sign-in\nstop working. Access tokens already issued expire on their own (`logoutAll` refuses them at once).\n",
        "security": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RefreshRequest"
              }
            }
          }
        },
        "responses": {
          "204": {
            "description": "The refresh token is revoked (or was not valid)."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/auth/logout-all": {
      "post": {
        "tags": [
          "auth"
        ],
        "operationId": "logoutAll",
        "summary": "Sign out everywhere",
        "description": "Ends every session of the caller's built-in account, on every device: all refresh tokens are revoked,\naccess tokens already issued stop working at once (401 `unauthorized`), and unused socket tickets are\nspent. The account's open sockets are closed with close code 4001 (signed out); they cannot\nreconnect, since a new socket needs a ticket and a ticket needs a valid token. A host-app user is signed out by their host (it stops\nminting tokens for them), so for them this answers 403 `forbidden`.\n",
        "responses": {
          "204": {
            "description": "Every session of the caller is ended."
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "description": "The caller signed in with a host-app token (`forbidden`).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://confab.dev/problems/forbidden",
                  "title": "Forbidden",
                  "status": 403,
                  "code": "forbidden",
                  "detail": "A host-app user is signed out by the host app, not here."
                }
              }
            }
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/me/password": {
      "post": {
        "tags": [
          "auth"
        ],
        "operationId": "changePassword",
        "summary": "Change the password and sign out every other session",
        "description": "Checks `currentPassword`, sets `newPassword`, ends every session of the account as `logoutAll` does,\nand answers a fresh session for the caller, who carries on with it. A wrong `currentPassword` answers\n403 `forbidden` and counts towards the per-username sign-in backoff (see `login`), which answers 429.\nA host-app user has no password here: 403 `forbidden`.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ChangePasswordRequest"
              },
              "example": {
                "currentPassword": "correct-horse-battery",
                "newPassword": "battery-staple-horse-correct"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The password is changed; a fresh session for the caller (every other one is ended).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuthSession"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "description": "The current password is wrong, or the caller is a host-app user (`forbidden`).",
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                },
                "example": {
                  "type": "https://confab.dev/problems/forbidden",
                  "title": "Forbidden",
                  "status": 403,
                  "code": "forbidden",
                  "detail": "The current password is wrong."
                }
              }
            }
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/SignInBackoff"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/auth/ws-ticket": {
      "post": {
        "tags": [
          "auth"
        ],
        "operationId": "createWsTicket",
        "summary": "Get a single-use ticket for the WebSocket",
        "description": "The ticket opens `GET /api/v1/ws?ticket=…` once, within `expiresAt`, and carries the scopes of the\ntoken that asked for it. It is valid on every process of a deployment.\n",
        "responses": {
          "200": {
            "description": "A ticket.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/WsTicket"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/me": {
      "get": {
        "tags": [
          "users"
        ],
        "operationId": "getMe",
        "summary": "The signed-in user",
        "responses": {
          "200": {
            "description": "The caller.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Me"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "patch": {
        "tags": [
          "users"
        ],
        "operationId": "updateMe",
        "summary": "Change the signed-in user's display name or avatar",
        "description": "Sets `displayName` (trimmed) and `avatarUrl` (an absolute `http:` or `https:` URL; `null` removes it).\nFor a user signed in with a host-app token, the host stays in charge: the next token's `name`\n(and `picture`, when it has one) win again.\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateMeRequest"
              },
              "example": {
                "displayName": "Alice Liddell",
                "avatarUrl": "https://example.com/alice.png"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The caller, changed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Me"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/users": {
      "get": {
        "tags": [
          "users"
        ],
        "operationId": "searchUsers",
        "summary": "Find users by the start of their username",
        "description": "For starting a direct message or adding someone to a channel. Usernames are lower-case.",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 32
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "Matching users, by username.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UserList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/users/{userId}": {
      "get": {
        "tags": [
          "users"
        ],
        "operationId": "getUser",
        "summary": "A user by id",
        "parameters": [
          {
            "$ref": "#/components/parameters/UserId"
          }
        ],
        "responses": {
          "200": {
            "description": "The user.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/User"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels": {
      "get": {
        "tags": [
          "channels"
        ],
        "operationId": "listChannels",
        "summary": "Channels the caller has joined, or public channels to browse",
        "description": "`scope=joined` (default) lists the caller's channels, most recent activity first, each with\n`unreadCount` and `lastReadSeq`. `scope=public` lists public channels by name.\n",
        "parameters": [
          {
            "name": "scope",
            "in": "query",
            "schema": {
              "type": "string",
              "enum": [
                "joined",
                "public"
              ],
              "default": "joined"
            }
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of channels.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChannelPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "post": {
        "tags": [
          "channels"
        ],
        "operationId": "createChannel",
        "summary": "Create a channel or open a direct conversation",
        "description": "A public or private channel is created with the caller as its owner; `memberIds` invites others\nat once. Names are unique per visibility among public and private channels, ignoring case: a name\nalready in use answers 409 `name_taken`. `visibility: direct` opens (or returns, with 200) the one\ndirect channel between the caller and `userId`.\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateChannelRequest"
              },
              "example": {
                "name": "general",
                "visibility": "public"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The direct channel between the two users already existed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Channel"
                }
              }
            }
          },
          "201": {
            "description": "The channel was created.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Channel"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/NameTaken"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "get": {
        "tags": [
          "channels"
        ],
        "operationId": "getChannel",
        "summary": "One channel",
        "description": "Public channels are visible to every user; private and direct ones only to members.",
        "responses": {
          "200": {
            "description": "The channel.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Channel"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "patch": {
        "tags": [
          "channels"
        ],
        "operationId": "updateChannel",
        "summary": "Change a channel's name, topic or settings (owners and administrators)",
        "description": "A new name must be free among the channels of the same visibility, ignoring case (409 `name_taken`\notherwise); changing only the case of the channel's own name is fine.\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateChannelRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated channel.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Channel"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/NameTaken"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "delete": {
        "tags": [
          "channels"
        ],
        "operationId": "deleteChannel",
        "summary": "Delete a channel and its history (owners and administrators)",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "204": {
            "description": "The channel is gone."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/read": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "put": {
        "tags": [
          "channels"
        ],
        "operationId": "markRead",
        "summary": "Move the caller's read marker",
        "description": "The marker only moves forward; a lower `seq` leaves it where it is.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReadRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The caller's read state in the channel.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReadState"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/events": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "get": {
        "tags": [
          "channels"
        ],
        "operationId": "listEvents",
        "summary": "A range of the channel\"s event log",
        "description": "The events with `seq` greater than `afterSeq`, ascending, as the socket would have sent them,\nfor a client that saw a gap in `seq`. When more than the replay window was missed, the reply has\n`resync: true` and no items, and the client refetches the newest page of messages instead.\n",
        "parameters": [
          {
            "name": "afterSeq",
            "in": "query",
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/Seq"
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "Up to `limit` events after `afterSeq`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/members": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "get": {
        "tags": [
          "members"
        ],
        "operationId": "listMembers",
        "summary": "Members of a channel",
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          },
          {
            "name": "minRole",
            "in": "query",
            "description": "Only members of this role or a higher one: `moderator` lists the owners and moderators (what a client needs for role badges, without reading every member of a large channel).",
            "schema": {
              "$ref": "#/components/schemas/Role"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of members, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MemberPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/members/{memberId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        },
        {
          "name": "memberId",
          "in": "path",
          "required": true,
          "description": "A user id, or `me` for the caller.",
          "schema": {
            "$ref": "#/components/schemas/MemberRef"
          }
        }
      ],
      "put": {
        "tags": [
          "members"
        ],
        "operationId": "addMember",
        "summary": "Join a channel (`me`) or add someone to it",
        "description": "`me` joins a public channel; a private channel refuses users who were not added by a member.\nAdding someone else needs membership of the channel. Joining twice is harmless (200).\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The user was already a member.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Member"
                }
              }
            }
          },
          "201": {
            "description": "The user joined.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Member"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "patch": {
        "tags": [
          "members",
          "moderation"
        ],
        "operationId": "updateMember",
        "summary": "Change a member's role or mute them",
        "description": "`role` is the owners' (and administrators') to change: promote to `moderator` or `owner`, demote to\n`member`; the last owner cannot step down (409). `mutedUntil` (null lifts it) is for owners, moderators\nand administrators: a muted member still reads but cannot post or react (403 `muted`) until then.\nOnly someone who outranks the member may act on them. Each change is a `member:updated` event.\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateMemberRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The member as changed.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Member"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "delete": {
        "tags": [
          "members"
        ],
        "operationId": "removeMember",
        "summary": "Leave a channel (`me`) or remove someone from it (owners, moderators and administrators)",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "204": {
            "description": "The user is no longer a member."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/messages": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "get": {
        "tags": [
          "messages"
        ],
        "operationId": "listMessages",
        "summary": "A page of a channel's messages",
        "description": "Top-level messages (thread replies are paged by `listReplies`), ascending by `seq`.\nWithout a cursor: the newest page. `before` pages backwards, `after` forwards, `around` returns\na page holding that message with cursors both ways. Give at most one of the three.\n",
        "parameters": [
          {
            "$ref": "#/components/parameters/Before"
          },
          {
            "$ref": "#/components/parameters/After"
          },
          {
            "$ref": "#/components/parameters/Around"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of messages.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MessagePage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "post": {
        "tags": [
          "messages"
        ],
        "operationId": "sendMessage",
        "summary": "Post a message or a thread reply",
        "description": "Idempotent by `clientMessageId`: sending the same id again (per author and channel) returns the\nstored message with 200 instead of a second copy.\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/SendMessageRequest"
              },
              "example": {
                "clientMessageId": "01J9Z3Q4C1-hello",
                "body": {
                  "type": "text",
                  "text": "Hello **world**"
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "A retry; the message stored by the first send.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "201": {
            "description": "The message was stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/messages/{messageId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MessageId"
        }
      ],
      "get": {
        "tags": [
          "messages"
        ],
        "operationId": "getMessage",
        "summary": "One message",
        "responses": {
          "200": {
            "description": "The message.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "patch": {
        "tags": [
          "messages"
        ],
        "operationId": "editMessage",
        "summary": "Edit a message (author only)",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/EditMessageRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The edited message.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "delete": {
        "tags": [
          "messages"
        ],
        "operationId": "deleteMessage",
        "summary": "Delete a message (author only), leaving a tombstone",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The tombstone.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/messages/{messageId}/replies": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MessageId"
        }
      ],
      "get": {
        "tags": [
          "messages"
        ],
        "operationId": "listReplies",
        "summary": "A page of a thread's replies",
        "description": "Same paging as `listMessages`; without a cursor, the newest replies.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Before"
          },
          {
            "$ref": "#/components/parameters/After"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of replies, ascending by `seq`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MessagePage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/messages/{messageId}/reactions/{emoji}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MessageId"
        },
        {
          "name": "emoji",
          "in": "path",
          "required": true,
          "description": "One emoji (URL-encoded) or a `:shortcode:`.",
          "schema": {
            "$ref": "#/components/schemas/Emoji"
          }
        }
      ],
      "put": {
        "tags": [
          "reactions"
        ],
        "operationId": "addReaction",
        "summary": "React to a message",
        "description": "Reacting twice with the same emoji is harmless.",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The message with its reactions.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "delete": {
        "tags": [
          "reactions"
        ],
        "operationId": "removeReaction",
        "summary": "Take a reaction back",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The message with its reactions.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/messages/{messageId}/preview": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MessageId"
        }
      ],
      "delete": {
        "tags": [
          "messages"
        ],
        "operationId": "removePreview",
        "summary": "Remove a message's link preview (author only)",
        "description": "The message keeps its text; `preview` becomes null (a `message:updated` event) and is not fetched again.",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The message without its preview.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/uploads": {
      "post": {
        "tags": [
          "uploads"
        ],
        "operationId": "createUpload",
        "summary": "Upload a file to attach to a message",
        "description": "`multipart/form-data` with exactly one part named `file`. The size limit is the deployment's\n(`CONFAB_UPLOAD_LIMIT`, 10 MB by default) and the allowed types its allow-list (`CONFAB_UPLOAD_TYPES`;\nby default PNG, JPEG, GIF, WebP, PDF, plain text, MP4 and WebM). The type is read from the bytes, never\ntaken from the client's `Content-Type`; an image's width and height are read from the file. An upload\nis private to its uploader until a message references it; one no message references after a day is\ndeleted. Optional: a backend may leave uploads out (`404`).\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "multipart/form-data": {
              "schema": {
                "type": "object",
                "required": [
                  "file"
                ],
                "properties": {
                  "file": {
                    "type": "string",
                    "contentMediaType": "application/octet-stream"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The file is stored.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Upload"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/uploads/{uploadId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/UploadId"
        }
      ],
      "get": {
        "tags": [
          "uploads"
        ],
        "operationId": "getUpload",
        "summary": "An upload, with a freshly signed link",
        "description": "For its uploader, and for whoever may read a message that references it: the members of the channel,\nand for a public channel anyone signed in (as for the channel's messages). Anyone else gets 404.\n",
        "responses": {
          "200": {
            "description": "The upload.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Upload"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/uploads/{uploadId}/content": {
      "parameters": [
        {
          "$ref": "#/components/parameters/UploadId"
        }
      ],
      "get": {
        "tags": [
          "uploads"
        ],
        "operationId": "getUploadContent",
        "summary": "The bytes of an upload, through a signed link",
        "description": "The `url` of an `Upload` (or of a message body that references one) points here. It needs no\n`Authorization` header, so `<img src>` works: `expires` and `signature` (an HMAC with the deployment's\nsecret, valid on every process) are the permission. Links are minted only for the uploader and for\nreaders of a message that references the upload, and they expire. Served with\n`X-Content-Type-Options: nosniff` and a sandboxing `Content-Security-Policy`; anything but an image or\na video comes with `Content-Disposition: attachment`.\n",
        "security": [],
        "parameters": [
          {
            "name": "expires",
            "in": "query",
            "required": true,
            "description": "Unix time (seconds) after which the link stops working.",
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          },
          {
            "name": "signature",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9_-]{16,128}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The file.",
            "headers": {
              "Content-Disposition": {
                "schema": {
                  "type": "string"
                }
              },
              "X-Content-Type-Options": {
                "schema": {
                  "type": "string",
                  "const": "nosniff"
                }
              }
            },
            "content": {
              "*/*": {
                "schema": {
                  "description": "The bytes, with the type read from them when the file was uploaded (`Upload.contentType`)."
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/me/blocks": {
      "get": {
        "tags": [
          "moderation"
        ],
        "operationId": "listBlocks",
        "summary": "Users the caller blocked",
        "responses": {
          "200": {
            "description": "The blocked users, most recently blocked first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/UserList"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/me/blocks/{userId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/UserId"
        }
      ],
      "put": {
        "tags": [
          "moderation"
        ],
        "operationId": "blockUser",
        "summary": "Block a user",
        "description": "A blocked user cannot open a direct channel with the caller (403 `blocked`) nor mention them (the\nmention is dropped: no `mention` frame, no unread mention). The caller's clients hide the blocked\nuser's messages. Blocking twice is harmless.\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "204": {
            "description": "The user is blocked."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "delete": {
        "tags": [
          "moderation"
        ],
        "operationId": "unblockUser",
        "summary": "Unblock a user",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "204": {
            "description": "The user is not blocked (any more)."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/bans": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "get": {
        "tags": [
          "moderation"
        ],
        "operationId": "listBans",
        "summary": "Users banned from a channel (owners, moderators and administrators)",
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of bans in force, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BanPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/bans/{userId}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        },
        {
          "$ref": "#/components/parameters/UserId"
        }
      ],
      "put": {
        "tags": [
          "moderation"
        ],
        "operationId": "banMember",
        "summary": "Ban a user from a channel (owners, moderators and administrators)",
        "description": "The user stops being a member (a `member:banned` event) and, until `until` (for good without it),\ncannot read the channel (403 `banned`), join it or be added to it. Banning again replaces the ban.\nOnly someone who outranks the user may ban them (administrator > owner > moderator > member).\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/BanRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The ban in force.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Ban"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "delete": {
        "tags": [
          "moderation"
        ],
        "operationId": "unbanMember",
        "summary": "Lift a ban (owners, moderators and administrators)",
        "description": "A `member:unbanned` event; the user may join (or be added) again.",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "204": {
            "description": "The user is not banned (any more)."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/audit": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "get": {
        "tags": [
          "moderation"
        ],
        "operationId": "listAuditLog",
        "summary": "The channel's moderation record (owners, moderators and administrators)",
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of audit entries, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AuditPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/reports": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "get": {
        "tags": [
          "moderation"
        ],
        "operationId": "listReports",
        "summary": "Reported messages of a channel (owners, moderators and administrators)",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "description": "Open reports (the default) or resolved ones.",
            "schema": {
              "type": "string",
              "enum": [
                "open",
                "resolved"
              ],
              "default": "open"
            }
          },
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of reports, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReportPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/messages/{messageId}/reports": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MessageId"
        }
      ],
      "post": {
        "tags": [
          "moderation"
        ],
        "operationId": "reportMessage",
        "summary": "Report a message to the channel's moderators",
        "description": "Any reader of the message may report it; reporting it again while open answers the open report (200).\nA deleted message cannot be reported (409 `conflict`), nor the caller's own message (400), nor a message of\na direct channel, which has no moderators (403).\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ReportRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The caller's open report of this message.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Report"
                }
              }
            }
          },
          "201": {
            "description": "The report.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Report"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/reports/{reportId}": {
      "parameters": [
        {
          "name": "reportId",
          "in": "path",
          "required": true,
          "schema": {
            "$ref": "#/components/schemas/Id"
          }
        }
      ],
      "patch": {
        "tags": [
          "moderation"
        ],
        "operationId": "resolveReport",
        "summary": "Resolve a report (owners, moderators and administrators of its channel)",
        "description": "A report is resolved once; resolving it again answers 409 `conflict`.",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ResolveReportRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The resolved report.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Report"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/PayloadTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/messages/{messageId}/pin": {
      "parameters": [
        {
          "$ref": "#/components/parameters/MessageId"
        }
      ],
      "put": {
        "tags": [
          "pins"
        ],
        "operationId": "pinMessage",
        "summary": "Pin a message to its channel",
        "description": "Owners, moderators and administrators; any member when the channel's `membersCanPin` is set. Pinning\na pinned message is harmless. A `message:pinned` event; tombstones cannot be pinned (409).\n",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The message, with `pinnedAt` and `pinnedBy`.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      },
      "delete": {
        "tags": [
          "pins"
        ],
        "operationId": "unpinMessage",
        "summary": "Unpin a message (whoever may pin)",
        "description": "A `message:unpinned` event; unpinning a message that is not pinned is harmless.",
        "security": [
          {
            "bearerAuth": [
              "chat:write"
            ]
          }
        ],
        "responses": {
          "200": {
            "description": "The message, `pinnedAt` null.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Message"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/channels/{channelId}/pins": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ChannelId"
        }
      ],
      "get": {
        "tags": [
          "pins"
        ],
        "operationId": "listPins",
        "summary": "The channel's pinned messages",
        "parameters": [
          {
            "$ref": "#/components/parameters/Cursor"
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of pinned messages, most recently pinned first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/PinPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/search/messages": {
      "get": {
        "tags": [
          "search"
        ],
        "operationId": "searchMessages",
        "summary": "Search messages",
        "description": "Full-text search over the messages of the channels the caller may read (public channels and the\ncaller's own; never a channel they are banned from), or of one channel. Words match whole words,\nignoring case and accents (no stemming, so every database answers alike); `\"a phrase\"` matches the words\nin order; `word*` matches words starting with `word` (two characters at least, four such prefixes per\nquery at most: past that, `x*` is the word `x`). Every word must match. Deleted messages never\nmatch, an edited one matches its new text only. Hits come newest first.\n",
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 200
            }
          },
          {
            "name": "channelId",
            "in": "query",
            "description": "Only this channel.",
            "schema": {
              "$ref": "#/components/schemas/Id"
            }
          },
          {
            "name": "before",
            "in": "query",
            "description": "The `nextCursor` of the previous page (older hits).",
            "schema": {
              "$ref": "#/components/schemas/Cursor"
            }
          },
          {
            "$ref": "#/components/parameters/Limit"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of hits, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SearchPage"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "429": {
            "$ref": "#/components/responses/TooManyRequests"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "tags": [
          "ops"
        ],
        "operationId": "getHealth",
        "summary": "Liveness",
        "security": [],
        "responses": {
          "200": {
            "description": "The process is alive.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          }
        }
      }
    },
    "/readyz": {
      "get": {
        "tags": [
          "ops"
        ],
        "operationId": "getReadiness",
        "summary": "Readiness",
        "description": "200 while the database and the bus answer and the process is not draining; 503 otherwise.",
        "security": [],
        "responses": {
          "200": {
            "description": "Ready for traffic.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                }
              }
            }
          },
          "503": {
            "description": "Not ready (draining, or a dependency does not answer).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Readiness"
                }
              }
            }
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "tags": [
          "ops"
        ],
        "operationId": "getMetrics",
        "summary": "Prometheus metrics",
        "description": "Opt-in: the reference server serves it on the main port only with `CONFAB_METRICS=public`, or on a\nseparate listener with `CONFAB_METRICS_PORT` (bound to 127.0.0.1 unless `CONFAB_METRICS_HOST` says\notherwise). Elsewhere it answers 404.\n",
        "security": [],
        "responses": {
          "200": {
            "description": "Metrics in the Prometheus text format.",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "tags": [
          "ops"
        ],
        "operationId": "getOpenApi",
        "summary": "This document, as JSON",
        "security": [],
        "responses": {
          "200": {
            "description": "The OpenAPI document.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    }
  },
  "webhooks": {
    "channelEvent": {
      "post": {
        "tags": [
          "ops"
        ],
        "operationId": "deliverChannelEvent",
        "summary": "A committed channel event, POSTed to the host app",
        "description": "With `CONFAB_WEBHOOK_URL` (or endpoints in `CONFAB_WEBHOOKS_FILE`), every event of every channel's\nlog is POSTed to each endpoint, in `seq` order per channel, at least once: it is queued in the same\ntransaction that stores it and retried with exponential backoff until a 2xx answer, across restarts.\nA receiver drops a repeated `Confab-Event-Id`. `Confab-Signature` is `t=<unix seconds>,v1=<hex>`,\nthe HMAC-SHA256 under the endpoint's secret of `<t>.<raw body>`; reject a wrong signature or an old\n`t` (a replay).\n",
        "security": [],
        "parameters": [
          {
            "name": "Confab-Event-Id",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "Confab-Signature",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^t=[0-9]+,v1=[0-9a-f]{64}$"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/WebhookEvent"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Delivered (any 2xx)."
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "A Confab access token (from register, login or refresh) or a host-app token: a JWT signed with the\ndeployment's shared secret (HS256) by the embedding site's backend, with `sub` (the site's user id),\n`name` (display name), optionally `picture` (an absolute `http:`/`https:` URL of the user's avatar;\nanything else is ignored) and optionally `scope` (space-separated; default `chat:read chat:write`).\nA host-app token must carry `exp`, at most the deployment's maximum lifetime after `iat` (or after\nnow, without `iat`): 24 hours unless `CONFAB_HOST_TOKEN_MAX_TTL` says otherwise. A token without\n`exp`, or one that lives longer, answers 401 `unauthorized`.\nA host-app token with the claim `confab_admin: true` makes its user a deployment administrator (`Me.admin`).\n"
      }
    },
    "parameters": {
      "ChannelId": {
        "name": "channelId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "MessageId": {
        "name": "messageId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "UploadId": {
        "name": "uploadId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "UserId": {
        "name": "userId",
        "in": "path",
        "required": true,
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "Cursor": {
        "name": "cursor",
        "in": "query",
        "description": "The `nextCursor` of the previous page.",
        "schema": {
          "$ref": "#/components/schemas/Cursor"
        }
      },
      "Before": {
        "name": "before",
        "in": "query",
        "description": "A `prevCursor`; the page of older items.",
        "schema": {
          "$ref": "#/components/schemas/Cursor"
        }
      },
      "After": {
        "name": "after",
        "in": "query",
        "description": "A `nextCursor`; the page of newer items.",
        "schema": {
          "$ref": "#/components/schemas/Cursor"
        }
      },
      "Around": {
        "name": "around",
        "in": "query",
        "description": "A message id; the page that holds it.",
        "schema": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "Limit": {
        "name": "limit",
        "in": "query",
        "description": "Page size; 50 when absent, at most 100.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 50
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The request is malformed or breaks a rule (`invalid_request`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "https://confab.dev/problems/invalid_request",
              "title": "Invalid request",
              "status": 400,
              "code": "invalid_request",
              "detail": "body/text must NOT have more than 4000 characters"
            }
          }
        }
      },
      "Unavailable": {
        "description": "The server cannot answer now (`unavailable`): a dependency is down — the database, or the keys a host\npublishes for its app tokens (JWKS) — or the server is draining. Retry later, with backoff.\n",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "No valid credentials (`unauthorized`, `invalid_credentials`, `token_expired`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Forbidden": {
        "description": "Signed in, but not allowed (`forbidden`, `insufficient_scope`, `banned`, `muted`, `read_only`, `blocked`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such thing, or not visible to the caller (`not_found`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Conflict": {
        "description": "The request conflicts with the current state (`username_taken`, `conflict`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NameTaken": {
        "description": "Another channel of the same visibility has this name, ignoring case (`name_taken`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "https://confab.dev/problems/name_taken",
              "title": "Name taken",
              "status": 409,
              "code": "name_taken",
              "detail": "A public channel named \"general\" already exists."
            }
          }
        }
      },
      "PayloadTooLarge": {
        "description": "The body is over the size limit (`payload_too_large`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The body is not JSON (`unsupported_media_type`).",
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "TooManyRequests": {
        "description": "Over a rate limit (`rate_limited`); retry after `retryAfter` seconds.",
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait.",
            "schema": {
              "type": "integer"
            }
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "https://confab.dev/problems/rate_limited",
              "title": "Too many requests",
              "status": 429,
              "code": "rate_limited",
              "detail": "Too many changes; slow down.",
              "retryAfter": 1
            }
          }
        }
      },
      "SignInBackoff": {
        "description": "Too many sign-in attempts (`rate_limited`): from this client address, or for this username (the\nper-username backoff doubles after each failure past the fifth, at most 15 minutes). Retry after\n`retryAfter` seconds.\n",
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait.",
            "schema": {
              "type": "integer"
            }
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            },
            "example": {
              "type": "https://confab.dev/problems/rate_limited",
              "title": "Too many requests",
              "status": 429,
              "code": "rate_limited",
              "detail": "Too many failed sign-ins for this username; wait 4 s.",
              "retryAfter": 4
            }
          }
        }
      }
    },
    "schemas": {
      "Id": {
        "type": "string",
        "description": "An opaque, time-sortable id (a UUIDv7).",
        "minLength": 1,
        "maxLength": 64,
        "pattern": "^[A-Za-z0-9_-]+$"
      },
      "MemberRef": {
        "description": "A user id, or `me`.",
        "anyOf": [
          {
            "$ref": "#/components/schemas/Id"
          },
          {
            "type": "string",
            "const": "me"
          }
        ]
      },
      "Cursor": {
        "type": "string",
        "description": "An opaque page cursor.",
        "minLength": 1,
        "maxLength": 200,
        "pattern": "^[A-Za-z0-9_-]+$"
      },
      "Timestamp": {
        "type": "string",
        "format": "date-time"
      },
      "Seq": {
        "type": "integer",
        "minimum": 0,
        "description": "A per-channel event sequence number."
      },
      "Emoji": {
        "type": "string",
        "minLength": 1,
        "maxLength": 32,
        "pattern": "^(?:[\\p{Extended_Pictographic}\\p{Emoji_Component}\\u200d\\ufe0f\\u20e3]{1,16}|:[a-z0-9_+-]{1,30}:)$"
      },
      "Scope": {
        "type": "string",
        "enum": [
          "chat:read",
          "chat:write"
        ]
      },
      "ErrorCode": {
        "type": "string",
        "description": "Stable error codes, shared by problem documents and socket `error` frames.\n- `invalid_request` (400): a malformed body, parameter or value, or a broken rule\n- `unauthorized` (401): no token, or a token that is not valid\n- `token_expired` (401): the token has expired; refresh it\n- `invalid_credentials` (401): wrong username or password, or a spent refresh token\n- `forbidden` (403): not allowed to do this (not a member, not the author or owner)\n- `insufficient_scope` (403): the token lacks the scope (`chat:write`) this needs\n- `not_found` (404): no such thing, or not visible to the caller\n- `username_taken` (409): the username is in use\n- `name_taken` (409): another channel of the same visibility has this name (ignoring case)\n- `conflict` (409): the change conflicts with the current state (editing a tombstone)\n- `payload_too_large` (413): the body or frame is over the limit\n- `unsupported_media_type` (415): the body is not JSON\n- `rate_limited` (429): too many requests; wait `retryAfter` seconds\n- `internal_error` (500): a bug; the `requestId` helps find it in the logs\n- `unavailable` (503): the server is draining or a dependency is down\n- `invalid_frame` (socket): the frame is not JSON or breaks its schema\n- `unknown_frame_type` (socket): the frame's `type` is not one the server knows\n- `banned` (403): the caller is banned from the channel\n- `muted` (403): the caller is muted in the channel until their `mutedUntil`\n- `read_only` (403): the channel is read-only (only owners and moderators post) or archived\n- `blocked` (403): the other user blocked the caller\n",
        "enum": [
          "invalid_request",
          "unauthorized",
          "token_expired",
          "invalid_credentials",
          "forbidden",
          "insufficient_scope",
          "not_found",
          "username_taken",
          "name_taken",
          "conflict",
          "payload_too_large",
          "unsupported_media_type",
          "rate_limited",
          "internal_error",
          "unavailable",
          "invalid_frame",
          "unknown_frame_type",
          "banned",
          "muted",
          "read_only",
          "blocked"
        ]
      },
      "Problem": {
        "type": "object",
        "description": "An RFC 9457 problem document.",
        "required": [
          "type",
          "title",
          "status",
          "code",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string",
            "description": "A URI naming the problem type."
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "code": {
            "$ref": "#/components/schemas/ErrorCode"
          },
          "detail": {
            "type": "string"
          },
          "instance": {
            "type": "string"
          },
          "requestId": {
            "type": "string"
          },
          "retryAfter": {
            "type": "integer",
            "minimum": 0,
            "description": "Seconds to wait before retrying."
          },
          "errors": {
            "type": "array",
            "description": "Each broken rule of an `invalid_request`.",
            "items": {
              "type": "object",
              "required": [
                "path",
                "message"
              ],
              "properties": {
                "path": {
                  "type": "string"
                },
                "message": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "User": {
        "type": "object",
        "required": [
          "id",
          "username",
          "displayName"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "username": {
            "type": "string"
          },
          "displayName": {
            "type": "string"
          },
          "avatarUrl": {
            "allOf": [
              {
                "$ref": "#/components/schemas/HttpUrl"
              }
            ],
            "description": "The user's picture: an absolute `http:` or `https:` URL, absent when the user has none (from a\nhost-app token's `picture` claim, or set with `updateMe`).\n"
          }
        }
      },
      "UserList": {
        "type": "object",
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/User"
            }
          }
        }
      },
      "Me": {
        "allOf": [
          {
            "$ref": "#/components/schemas/User"
          },
          {
            "type": "object",
            "required": [
              "scopes"
            ],
            "properties": {
              "scopes": {
                "type": "array",
                "items": {
                  "$ref": "#/components/schemas/Scope"
                }
              },
              "admin": {
                "type": "boolean",
                "description": "A deployment administrator (`CONFAB_ADMINS`, or a host-app token's `confab_admin` claim)."
              }
            }
          }
        ]
      },
      "UpdateMeRequest": {
        "type": "object",
        "additionalProperties": false,
        "minProperties": 1,
        "properties": {
          "displayName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64,
            "pattern": "\\S"
          },
          "avatarUrl": {
            "description": "An absolute `http:` or `https:` URL; `null` removes the avatar.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/HttpUrl"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "RegisterRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "username",
          "password"
        ],
        "properties": {
          "username": {
            "type": "string",
            "minLength": 2,
            "maxLength": 32,
            "pattern": "^[A-Za-z0-9][A-Za-z0-9_.-]*$"
          },
          "password": {
            "type": "string",
            "minLength": 8,
            "maxLength": 256
          },
          "displayName": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          }
        }
      },
      "LoginRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "username",
          "password"
        ],
        "properties": {
          "username": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "password": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256
          }
        }
      },
      "RefreshRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "refreshToken"
        ],
        "properties": {
          "refreshToken": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256
          }
        }
      },
      "ChangePasswordRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "currentPassword",
          "newPassword"
        ],
        "properties": {
          "currentPassword": {
            "type": "string",
            "minLength": 1,
            "maxLength": 256
          },
          "newPassword": {
            "type": "string",
            "minLength": 8,
            "maxLength": 256
          }
        }
      },
      "AuthSession": {
        "type": "object",
        "required": [
          "user",
          "accessToken",
          "refreshToken",
          "expiresAt"
        ],
        "properties": {
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "accessToken": {
            "type": "string"
          },
          "refreshToken": {
            "type": "string"
          },
          "expiresAt": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              }
            ],
            "description": "When `accessToken` expires."
          }
        }
      },
      "WsTicket": {
        "type": "object",
        "required": [
          "ticket",
          "expiresAt"
        ],
        "properties": {
          "ticket": {
            "type": "string"
          },
          "expiresAt": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "Visibility": {
        "type": "string",
        "enum": [
          "public",
          "private",
          "direct"
        ]
      },
      "Role": {
        "type": "string",
        "description": "`owner`: everything, including roles and settings; `moderator`: removes messages and members, bans,\nmutes, pins and handles reports; `member`: posts and reacts. Deployment administrators\n(`Me.admin`) may do all an owner may in every channel.\n",
        "enum": [
          "owner",
          "moderator",
          "member"
        ]
      },
      "Channel": {
        "type": "object",
        "required": [
          "id",
          "name",
          "visibility",
          "topic",
          "createdBy",
          "createdAt",
          "lastSeq",
          "lastMessageAt",
          "memberCount",
          "role"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "name": {
            "type": "string"
          },
          "visibility": {
            "$ref": "#/components/schemas/Visibility"
          },
          "topic": {
            "type": "string"
          },
          "createdBy": {
            "$ref": "#/components/schemas/Id"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "lastSeq": {
            "$ref": "#/components/schemas/Seq"
          },
          "lastMessageAt": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "memberCount": {
            "type": "integer",
            "minimum": 0
          },
          "role": {
            "description": "The caller's role; null when the caller is not a member.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Role"
              },
              {
                "type": "null"
              }
            ]
          },
          "directWith": {
            "description": "For a direct channel, the other user.",
            "$ref": "#/components/schemas/User"
          },
          "unreadCount": {
            "type": "integer",
            "minimum": 0,
            "description": "Messages by others after `lastReadSeq` (members only)."
          },
          "lastReadSeq": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Seq"
              }
            ],
            "description": "The caller's read marker (members only)."
          },
          "unreadMentionCount": {
            "type": "integer",
            "minimum": 0,
            "description": "Messages by others after `lastReadSeq` that mention the caller or `@channel` (members only; optional)."
          },
          "readOnly": {
            "type": "boolean",
            "description": "Only owners and moderators post (an announcements channel); optional, false when absent."
          },
          "archived": {
            "type": "boolean",
            "description": "Nobody posts or reacts until it is unarchived; it stays readable. Optional, false when absent."
          },
          "membersCanPin": {
            "type": "boolean",
            "description": "Any member may pin, not only owners and moderators. Optional, false when absent."
          },
          "mutedUntil": {
            "description": "Until when the caller is muted here (members only; optional); null or absent when not muted.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "EventPage": {
        "type": "object",
        "required": [
          "items",
          "headSeq",
          "resync"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/EventFrame"
            }
          },
          "headSeq": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Seq"
              }
            ],
            "description": "The channel\"s newest `seq` when the page was read."
          },
          "resync": {
            "type": "boolean",
            "description": "True when more than the replay window was missed; `items` is then empty."
          }
        }
      },
      "ChannelPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Channel"
            }
          },
          "nextCursor": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ChannelName": {
        "type": "string",
        "minLength": 1,
        "maxLength": 80,
        "pattern": "\\S"
      },
      "CreateChannelRequest": {
        "oneOf": [
          {
            "type": "object",
            "title": "CreateRoomRequest",
            "additionalProperties": false,
            "required": [
              "name",
              "visibility"
            ],
            "properties": {
              "name": {
                "$ref": "#/components/schemas/ChannelName"
              },
              "visibility": {
                "type": "string",
                "enum": [
                  "public",
                  "private"
                ]
              },
              "topic": {
                "type": "string",
                "maxLength": 250
              },
              "memberIds": {
                "type": "array",
                "maxItems": 100,
                "uniqueItems": true,
                "items": {
                  "$ref": "#/components/schemas/Id"
                }
              }
            }
          },
          {
            "type": "object",
            "title": "CreateDirectRequest",
            "additionalProperties": false,
            "required": [
              "visibility",
              "userId"
            ],
            "properties": {
              "visibility": {
                "type": "string",
                "const": "direct"
              },
              "userId": {
                "$ref": "#/components/schemas/Id"
              }
            }
          }
        ]
      },
      "UpdateChannelRequest": {
        "type": "object",
        "additionalProperties": false,
        "minProperties": 1,
        "properties": {
          "name": {
            "$ref": "#/components/schemas/ChannelName"
          },
          "topic": {
            "type": "string",
            "maxLength": 250
          },
          "readOnly": {
            "type": "boolean"
          },
          "archived": {
            "type": "boolean"
          },
          "membersCanPin": {
            "type": "boolean"
          }
        }
      },
      "ReadRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "seq"
        ],
        "properties": {
          "seq": {
            "$ref": "#/components/schemas/Seq"
          }
        }
      },
      "ReadState": {
        "type": "object",
        "required": [
          "channelId",
          "lastReadSeq",
          "unreadCount"
        ],
        "properties": {
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "lastReadSeq": {
            "$ref": "#/components/schemas/Seq"
          },
          "unreadCount": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "Member": {
        "type": "object",
        "required": [
          "user",
          "role",
          "joinedAt"
        ],
        "properties": {
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "role": {
            "$ref": "#/components/schemas/Role"
          },
          "joinedAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "mutedUntil": {
            "description": "Until when the member is muted (optional); null or absent when not muted.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "UpdateMemberRequest": {
        "type": "object",
        "additionalProperties": false,
        "minProperties": 1,
        "properties": {
          "role": {
            "$ref": "#/components/schemas/Role"
          },
          "mutedUntil": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "BanRequest": {
        "type": "object",
        "additionalProperties": false,
        "properties": {
          "reason": {
            "type": "string",
            "maxLength": 500
          },
          "until": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              }
            ],
            "description": "When the ban ends; for good without it."
          }
        }
      },
      "Ban": {
        "type": "object",
        "required": [
          "channelId",
          "user",
          "reason",
          "until",
          "bannedBy",
          "createdAt"
        ],
        "properties": {
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "reason": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "until": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "bannedBy": {
            "$ref": "#/components/schemas/User"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "BanPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Ban"
            }
          },
          "nextCursor": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "AuditAction": {
        "type": "string",
        "enum": [
          "message.deleted",
          "member.removed",
          "member.role_changed",
          "member.muted",
          "member.unmuted",
          "member.banned",
          "member.unbanned",
          "channel.updated",
          "message.pinned",
          "message.unpinned",
          "report.resolved"
        ]
      },
      "AuditEntry": {
        "type": "object",
        "required": [
          "id",
          "channelId",
          "action",
          "actor",
          "target",
          "messageId",
          "reason",
          "details",
          "at"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "action": {
            "$ref": "#/components/schemas/AuditAction"
          },
          "actor": {
            "$ref": "#/components/schemas/User"
          },
          "target": {
            "description": "The user acted on, if any.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/User"
              },
              {
                "type": "null"
              }
            ]
          },
          "messageId": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Id"
              },
              {
                "type": "null"
              }
            ]
          },
          "reason": {
            "oneOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          },
          "details": {
            "type": "object",
            "description": "What changed: `{role}` for a role, `{until}` for a mute or ban, the changed settings for `channel.updated`, `{resolution}` for a report.",
            "additionalProperties": true
          },
          "at": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "AuditPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuditEntry"
            }
          },
          "nextCursor": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ReportRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "reason"
        ],
        "properties": {
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 500,
            "pattern": "\\S"
          }
        }
      },
      "ResolveReportRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "resolution"
        ],
        "properties": {
          "resolution": {
            "type": "string",
            "enum": [
              "dismissed",
              "actioned"
            ],
            "description": "`actioned`: the moderator did something about it (removed the message, muted or banned the author)."
          }
        }
      },
      "Report": {
        "type": "object",
        "required": [
          "id",
          "channelId",
          "message",
          "reporter",
          "reason",
          "createdAt",
          "status",
          "resolution",
          "resolvedBy",
          "resolvedAt"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "message": {
            "$ref": "#/components/schemas/Message"
          },
          "reporter": {
            "$ref": "#/components/schemas/User"
          },
          "reason": {
            "type": "string"
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "status": {
            "type": "string",
            "enum": [
              "open",
              "resolved"
            ]
          },
          "resolution": {
            "oneOf": [
              {
                "type": "string",
                "enum": [
                  "dismissed",
                  "actioned"
                ]
              },
              {
                "type": "null"
              }
            ]
          },
          "resolvedBy": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/User"
              },
              {
                "type": "null"
              }
            ]
          },
          "resolvedAt": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ReportPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Report"
            }
          },
          "nextCursor": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "PinPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Message"
            }
          },
          "nextCursor": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "SearchHit": {
        "type": "object",
        "required": [
          "message",
          "channel",
          "snippet",
          "highlights"
        ],
        "properties": {
          "message": {
            "$ref": "#/components/schemas/Message"
          },
          "channel": {
            "type": "object",
            "required": [
              "id",
              "name",
              "visibility"
            ],
            "properties": {
              "id": {
                "$ref": "#/components/schemas/Id"
              },
              "name": {
                "type": "string"
              },
              "visibility": {
                "$ref": "#/components/schemas/Visibility"
              }
            }
          },
          "snippet": {
            "type": "string",
            "description": "Plain text around the matches (at most about 200 characters; `…` where it was cut). Never HTML."
          },
          "highlights": {
            "type": "array",
            "description": "The matched words in `snippet`, as UTF-16 offsets `[start, end)`, ascending and not overlapping.",
            "items": {
              "type": "object",
              "required": [
                "start",
                "end"
              ],
              "properties": {
                "start": {
                  "type": "integer",
                  "minimum": 0
                },
                "end": {
                  "type": "integer",
                  "minimum": 0
                }
              }
            }
          }
        }
      },
      "SearchPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SearchHit"
            }
          },
          "nextCursor": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "WebhookEvent": {
        "type": "object",
        "description": "One committed channel event as a webhook delivers it (the socket's `event` frame, with an `id`).",
        "required": [
          "id",
          "channelId",
          "seq",
          "kind",
          "at",
          "data"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "Unique per event (also in `Confab-Event-Id`); the same on every retry."
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "seq": {
            "$ref": "#/components/schemas/Seq"
          },
          "kind": {
            "$ref": "#/components/schemas/EventKind"
          },
          "at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "data": {
            "description": "As in the `event` frame.",
            "type": "object"
          }
        }
      },
      "MemberPage": {
        "type": "object",
        "required": [
          "items",
          "nextCursor"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Member"
            }
          },
          "nextCursor": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "HttpUrl": {
        "type": "string",
        "format": "uri",
        "maxLength": 2048,
        "pattern": "^https?://"
      },
      "TextBody": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "text"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "text"
          },
          "text": {
            "type": "string",
            "minLength": 1,
            "maxLength": 4000,
            "description": "Plain text with a small markdown subset (bold, italic, code, code blocks, links, @mentions)."
          }
        }
      },
      "ContentUrl": {
        "type": "string",
        "minLength": 1,
        "maxLength": 4096,
        "description": "Where the bytes are: an absolute `http(s)` URL, or for an upload a signed link relative to the\nserver's base URL (`api/v1/uploads/{id}/content?expires=…&signature=…`). Resolve it against the base URL\nwith a trailing slash, as a browser resolves a link, so it works behind any proxy or path prefix. A\nsigned link expires; every read of the message (a page, an event, an ack) carries a freshly minted one.\n"
      },
      "ImageBody": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type"
        ],
        "description": "An image by URL (`url`, `width` and `height` required) or by upload (`uploadId` of one of the sender's\nown uploads: the server fills in `url`, `width`, `height`, `name` and `size` from it).\n",
        "if": {
          "required": [
            "uploadId"
          ]
        },
        "else": {
          "required": [
            "url",
            "width",
            "height"
          ],
          "properties": {
            "url": {
              "$ref": "#/components/schemas/HttpUrl"
            }
          }
        },
        "properties": {
          "type": {
            "type": "string",
            "const": "image"
          },
          "url": {
            "$ref": "#/components/schemas/ContentUrl"
          },
          "uploadId": {
            "$ref": "#/components/schemas/Id"
          },
          "width": {
            "type": "integer",
            "minimum": 1,
            "maximum": 20000
          },
          "height": {
            "type": "integer",
            "minimum": 1,
            "maximum": 20000
          },
          "alt": {
            "type": "string",
            "maxLength": 1000
          },
          "name": {
            "type": "string",
            "maxLength": 255
          },
          "size": {
            "type": "integer",
            "minimum": 1
          }
        }
      },
      "VideoBody": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type"
        ],
        "description": "A video by URL, or by `uploadId` (the server fills in `url`, `name`, `size` and `contentType`).",
        "if": {
          "required": [
            "uploadId"
          ]
        },
        "else": {
          "required": [
            "url"
          ],
          "properties": {
            "url": {
              "$ref": "#/components/schemas/HttpUrl"
            }
          }
        },
        "properties": {
          "type": {
            "type": "string",
            "const": "video"
          },
          "url": {
            "$ref": "#/components/schemas/ContentUrl"
          },
          "uploadId": {
            "$ref": "#/components/schemas/Id"
          },
          "name": {
            "type": "string",
            "maxLength": 255
          },
          "size": {
            "type": "integer",
            "minimum": 1
          },
          "contentType": {
            "type": "string",
            "maxLength": 100
          }
        }
      },
      "FileBody": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "uploadId"
        ],
        "description": "A file the sender uploaded. Send `uploadId`; the server fills in `name`, `size`, `contentType` and `url`\nfrom the upload (whatever the client sent for them is replaced).\n",
        "properties": {
          "type": {
            "type": "string",
            "const": "file"
          },
          "uploadId": {
            "$ref": "#/components/schemas/Id"
          },
          "name": {
            "type": "string",
            "maxLength": 255
          },
          "size": {
            "type": "integer",
            "minimum": 1
          },
          "contentType": {
            "type": "string",
            "maxLength": 100
          },
          "url": {
            "$ref": "#/components/schemas/ContentUrl"
          }
        }
      },
      "MessageBody": {
        "description": "Typed message content; a new kind of content is a new schema here.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/TextBody"
          },
          {
            "$ref": "#/components/schemas/ImageBody"
          },
          {
            "$ref": "#/components/schemas/VideoBody"
          },
          {
            "$ref": "#/components/schemas/FileBody"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "text": "#/components/schemas/TextBody",
            "image": "#/components/schemas/ImageBody",
            "video": "#/components/schemas/VideoBody",
            "file": "#/components/schemas/FileBody"
          }
        }
      },
      "Upload": {
        "type": "object",
        "required": [
          "id",
          "url",
          "name",
          "contentType",
          "size",
          "createdAt"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "url": {
            "allOf": [
              {
                "$ref": "#/components/schemas/ContentUrl"
              }
            ],
            "description": "A signed, expiring link to the bytes (see `ContentUrl`)."
          },
          "name": {
            "type": "string",
            "maxLength": 255,
            "description": "The file name the client gave, stripped of any path."
          },
          "contentType": {
            "type": "string",
            "description": "The type read from the bytes (never the one the client claimed)."
          },
          "size": {
            "type": "integer",
            "minimum": 1
          },
          "width": {
            "type": "integer",
            "minimum": 1,
            "description": "Images: width in pixels, read from the file."
          },
          "height": {
            "type": "integer",
            "minimum": 1,
            "description": "Images: height in pixels, read from the file."
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          }
        }
      },
      "Mentions": {
        "type": "array",
        "description": "Users a text message mentions (`@username` of a channel member, resolved by the server).",
        "maxItems": 50,
        "uniqueItems": true,
        "items": {
          "$ref": "#/components/schemas/Id"
        }
      },
      "LinkPreview": {
        "type": "object",
        "required": [
          "url",
          "title",
          "description",
          "imageUrl",
          "siteName"
        ],
        "description": "What the server read from the first `http(s)` link of a text message: the page's Open Graph (or plain\nHTML) title, description, image and site name. `imageUrl` is the page's own image address, not proxied:\na client that shows it loads it from that site (with no referrer).\n",
        "properties": {
          "url": {
            "$ref": "#/components/schemas/HttpUrl"
          },
          "title": {
            "type": "string",
            "maxLength": 300
          },
          "description": {
            "type": "string",
            "maxLength": 1000
          },
          "imageUrl": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/HttpUrl"
              },
              {
                "type": "null"
              }
            ]
          },
          "siteName": {
            "type": "string",
            "maxLength": 100
          }
        }
      },
      "ClientMessageId": {
        "type": "string",
        "description": "Chosen by the sender (a UUID is a good choice); a retry with the same id never makes a second message.",
        "minLength": 1,
        "maxLength": 64,
        "pattern": "^[A-Za-z0-9_-]+$"
      },
      "Reaction": {
        "type": "object",
        "required": [
          "emoji",
          "count",
          "userIds"
        ],
        "properties": {
          "emoji": {
            "type": "string"
          },
          "count": {
            "type": "integer",
            "minimum": 1
          },
          "userIds": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Id"
            }
          }
        }
      },
      "Message": {
        "type": "object",
        "required": [
          "id",
          "channelId",
          "seq",
          "clientMessageId",
          "author",
          "body",
          "parentId",
          "replyCount",
          "lastReplyAt",
          "reactions",
          "createdAt",
          "editedAt",
          "deletedAt"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "seq": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Seq"
              }
            ],
            "description": "The `seq` of the event that created the message."
          },
          "clientMessageId": {
            "$ref": "#/components/schemas/ClientMessageId"
          },
          "author": {
            "$ref": "#/components/schemas/User"
          },
          "body": {
            "description": "The content; null on a tombstone.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/MessageBody"
              },
              {
                "type": "null"
              }
            ]
          },
          "parentId": {
            "description": "The thread's parent for a reply; null for a top-level message.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Id"
              },
              {
                "type": "null"
              }
            ]
          },
          "replyCount": {
            "type": "integer",
            "minimum": 0
          },
          "lastReplyAt": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "reactions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Reaction"
            }
          },
          "createdAt": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "editedAt": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "deletedAt": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "mentions": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Mentions"
              }
            ],
            "description": "Users the message mentions (optional; empty or absent when none)."
          },
          "mentionsChannel": {
            "type": "boolean",
            "description": "The message mentions `@channel`, everyone in it (optional)."
          },
          "deletedBy": {
            "description": "Who deleted it, on a tombstone (the author, or a moderator who removed it); optional.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Id"
              },
              {
                "type": "null"
              }
            ]
          },
          "pinnedAt": {
            "description": "When it was pinned; null or absent when it is not pinned.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "pinnedBy": {
            "description": "Who pinned it; null or absent when it is not pinned.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Id"
              },
              {
                "type": "null"
              }
            ]
          },
          "preview": {
            "description": "A link preview, added after the message was stored (a `message:updated` event); null or absent when none.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/LinkPreview"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "MessagePage": {
        "type": "object",
        "required": [
          "items",
          "prevCursor",
          "nextCursor",
          "headSeq"
        ],
        "properties": {
          "headSeq": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Seq"
              }
            ],
            "description": "The channel's newest event `seq` when the page was read: every event up to it is reflected in\n`items`, so a client subscribes with `afterSeq: headSeq` and misses nothing.\n"
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Message"
            }
          },
          "prevCursor": {
            "description": "Cursor for the older page; null when nothing is older.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          },
          "nextCursor": {
            "description": "Cursor for the newer page; null when nothing is newer (yet).",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Cursor"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "SendMessageRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "clientMessageId",
          "body"
        ],
        "properties": {
          "clientMessageId": {
            "$ref": "#/components/schemas/ClientMessageId"
          },
          "body": {
            "$ref": "#/components/schemas/MessageBody"
          },
          "parentId": {
            "$ref": "#/components/schemas/Id"
          },
          "mentions": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Mentions"
              }
            ],
            "description": "Users to mention besides the `@username`s in the text; each must be a member of the channel."
          }
        }
      },
      "EditMessageRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "body"
        ],
        "properties": {
          "body": {
            "$ref": "#/components/schemas/MessageBody"
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ok"
          }
        }
      },
      "Readiness": {
        "type": "object",
        "required": [
          "status",
          "checks"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "ready",
              "draining",
              "unavailable"
            ]
          },
          "checks": {
            "type": "object",
            "required": [
              "database",
              "bus"
            ],
            "properties": {
              "database": {
                "type": "boolean"
              },
              "bus": {
                "type": "boolean"
              }
            }
          }
        }
      },
      "ChannelSubscription": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/Id"
          },
          "afterSeq": {
            "allOf": [
              {
                "$ref": "#/components/schemas/Seq"
              }
            ],
            "description": "The last `seq` the client applied; the server replays every later event."
          }
        }
      },
      "SubscribeFrame": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "channels"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "subscribe"
          },
          "channels": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/ChannelSubscription"
            }
          }
        }
      },
      "UnsubscribeFrame": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "channels"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "unsubscribe"
          },
          "channels": {
            "type": "array",
            "minItems": 1,
            "maxItems": 100,
            "items": {
              "$ref": "#/components/schemas/Id"
            }
          }
        }
      },
      "SendFrame": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "clientMessageId",
          "channelId",
          "body"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "send"
          },
          "clientMessageId": {
            "$ref": "#/components/schemas/ClientMessageId"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "body": {
            "$ref": "#/components/schemas/MessageBody"
          },
          "parentId": {
            "$ref": "#/components/schemas/Id"
          },
          "mentions": {
            "$ref": "#/components/schemas/Mentions"
          }
        }
      },
      "TypingFrame": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "channelId"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "typing"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "parentId": {
            "$ref": "#/components/schemas/Id"
          }
        }
      },
      "ReadFrame": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type",
          "channelId",
          "seq"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "read"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "seq": {
            "$ref": "#/components/schemas/Seq"
          }
        }
      },
      "PingFrame": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "ping"
          },
          "id": {
            "type": "string",
            "maxLength": 64
          }
        }
      },
      "ClientFrame": {
        "description": "Any frame a client sends.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/SubscribeFrame"
          },
          {
            "$ref": "#/components/schemas/UnsubscribeFrame"
          },
          {
            "$ref": "#/components/schemas/SendFrame"
          },
          {
            "$ref": "#/components/schemas/TypingFrame"
          },
          {
            "$ref": "#/components/schemas/ReadFrame"
          },
          {
            "$ref": "#/components/schemas/PingFrame"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "subscribe": "#/components/schemas/SubscribeFrame",
            "unsubscribe": "#/components/schemas/UnsubscribeFrame",
            "send": "#/components/schemas/SendFrame",
            "typing": "#/components/schemas/TypingFrame",
            "read": "#/components/schemas/ReadFrame",
            "ping": "#/components/schemas/PingFrame"
          }
        }
      },
      "HelloFrame": {
        "type": "object",
        "required": [
          "type",
          "sessionId",
          "user",
          "scopes",
          "heartbeatMs"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "hello"
          },
          "sessionId": {
            "type": "string"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "scopes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Scope"
            }
          },
          "heartbeatMs": {
            "type": "integer",
            "minimum": 1,
            "description": "Send a `ping` at least this often; the server drops a socket silent for two periods."
          }
        }
      },
      "SubscribedFrame": {
        "type": "object",
        "description": "The subscription is live; `seq` is the channel's newest event when it went live.",
        "required": [
          "type",
          "channelId",
          "seq"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "subscribed"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "seq": {
            "$ref": "#/components/schemas/Seq"
          }
        }
      },
      "UnsubscribedFrame": {
        "type": "object",
        "description": "The server ended a subscription (the user left or was removed, or the channel was deleted).",
        "required": [
          "type",
          "channelId",
          "reason"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "unsubscribed"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "reason": {
            "type": "string",
            "enum": [
              "requested",
              "removed",
              "deleted"
            ]
          }
        }
      },
      "EventKind": {
        "type": "string",
        "enum": [
          "message:created",
          "message:updated",
          "message:deleted",
          "reaction:added",
          "reaction:removed",
          "member:joined",
          "member:left",
          "member:updated",
          "member:banned",
          "member:unbanned",
          "message:pinned",
          "message:unpinned",
          "channel:updated"
        ]
      },
      "MessageEventData": {
        "type": "object",
        "required": [
          "message"
        ],
        "properties": {
          "message": {
            "$ref": "#/components/schemas/Message"
          }
        }
      },
      "ReactionEventData": {
        "type": "object",
        "required": [
          "message",
          "emoji",
          "userId"
        ],
        "properties": {
          "message": {
            "$ref": "#/components/schemas/Message"
          },
          "emoji": {
            "type": "string"
          },
          "userId": {
            "$ref": "#/components/schemas/Id"
          }
        }
      },
      "MemberEventData": {
        "type": "object",
        "required": [
          "user",
          "role"
        ],
        "properties": {
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "role": {
            "$ref": "#/components/schemas/Role"
          },
          "mutedUntil": {
            "description": "`member:updated`: the member's mute, null when not muted.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          },
          "by": {
            "description": "Who did it, when it was not the user themself (a removal, a role change, a mute, a ban).",
            "$ref": "#/components/schemas/Id"
          },
          "until": {
            "description": "`member:banned`: when the ban ends; null for good.",
            "oneOf": [
              {
                "$ref": "#/components/schemas/Timestamp"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "ChannelEventData": {
        "type": "object",
        "required": [
          "channel"
        ],
        "properties": {
          "channel": {
            "description": "The channel as a non-member sees it (`role` null, no `unreadCount` or `lastReadSeq`).",
            "$ref": "#/components/schemas/Channel"
          }
        }
      },
      "EventFrame": {
        "type": "object",
        "description": "One committed change in a channel. `seq` grows by one per event; replies, edits and reactions\nare events too. `message:created` of a reply is followed by `message:updated` of its parent\n(new `replyCount`).\n",
        "required": [
          "type",
          "channelId",
          "seq",
          "kind",
          "data",
          "at"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "event"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "seq": {
            "$ref": "#/components/schemas/Seq"
          },
          "kind": {
            "$ref": "#/components/schemas/EventKind"
          },
          "at": {
            "$ref": "#/components/schemas/Timestamp"
          },
          "data": {
            "description": "`message:*` → MessageEventData; `reaction:*` → ReactionEventData; `member:*` → MemberEventData; `channel:updated` → ChannelEventData.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/MessageEventData"
              },
              {
                "$ref": "#/components/schemas/ReactionEventData"
              },
              {
                "$ref": "#/components/schemas/MemberEventData"
              },
              {
                "$ref": "#/components/schemas/ChannelEventData"
              }
            ]
          }
        }
      },
      "AckFrame": {
        "type": "object",
        "required": [
          "type",
          "clientMessageId",
          "message"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "ack"
          },
          "clientMessageId": {
            "$ref": "#/components/schemas/ClientMessageId"
          },
          "message": {
            "$ref": "#/components/schemas/Message"
          }
        }
      },
      "TypingServerFrame": {
        "type": "object",
        "description": "Someone is typing; it lapses after `expiresInMs` without another.",
        "required": [
          "type",
          "channelId",
          "user",
          "expiresInMs"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "typing"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "parentId": {
            "$ref": "#/components/schemas/Id"
          },
          "user": {
            "$ref": "#/components/schemas/User"
          },
          "expiresInMs": {
            "type": "integer",
            "minimum": 1
          }
        }
      },
      "PresenceFrame": {
        "type": "object",
        "description": "Who is online in the channel (has a socket subscribed to it). Right after its `subscribed`, the\nsubscribing socket alone gets the whole list in `online`. After that every subscriber gets only changes:\n`joined` and `left`, coalesced over a short tick and sent only when a user's online state in the channel\nreally changes (a second socket of the same user, or a re-subscribe, changes nothing). A client replaces\nits list with `online` and applies `joined` and `left` to it.\n",
        "required": [
          "type",
          "channelId"
        ],
        "minProperties": 3,
        "properties": {
          "type": {
            "type": "string",
            "const": "presence"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "online": {
            "type": "array",
            "description": "Everyone online in the channel now, the subscriber included (only in the answer to `subscribe`).",
            "items": {
              "$ref": "#/components/schemas/Id"
            }
          },
          "joined": {
            "type": "array",
            "description": "Users who came online in the channel since the last frame.",
            "minItems": 1,
            "items": {
              "$ref": "#/components/schemas/Id"
            }
          },
          "left": {
            "type": "array",
            "description": "Users who went offline in the channel since the last frame.",
            "minItems": 1,
            "items": {
              "$ref": "#/components/schemas/Id"
            }
          }
        }
      },
      "ResyncFrame": {
        "type": "object",
        "description": "Too much was missed to replay (or `afterSeq` is unknown): refetch the newest page over REST.\nThe subscription is live from `seq` on.\n",
        "required": [
          "type",
          "channelId",
          "seq"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "resync"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "seq": {
            "$ref": "#/components/schemas/Seq"
          }
        }
      },
      "ErrorFrame": {
        "type": "object",
        "required": [
          "type",
          "code",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "error"
          },
          "code": {
            "$ref": "#/components/schemas/ErrorCode"
          },
          "detail": {
            "type": "string"
          },
          "ref": {
            "type": "string",
            "description": "What the error answers: for a `send`, its `clientMessageId` whenever the frame has a string one,\neven when the rest of the frame breaks its schema (text over the limit, a bad body), so the client\ncan fail that one pending send; otherwise the refused frame's `type`.\n"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "retryAfter": {
            "type": "integer",
            "minimum": 0
          }
        }
      },
      "PongFrame": {
        "type": "object",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "pong"
          },
          "id": {
            "type": "string"
          }
        }
      },
      "AddedFrame": {
        "type": "object",
        "description": "The user became a member of `channel`, shown as they see it: they created or joined it (perhaps from\nanother device), a member added them, or someone opened a direct channel with them. Sent to every\nsocket of the user, subscribed or not; subscribe to the channel to hear its events.\n",
        "required": [
          "type",
          "channel"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "added"
          },
          "channel": {
            "$ref": "#/components/schemas/Channel"
          }
        }
      },
      "MentionFrame": {
        "type": "object",
        "description": "A new message mentions the user (by `@username`, in `mentions`, or `@channel`). Sent to every socket of\nthe mentioned user, subscribed to the channel or not; not replayed (the channel's `unreadMentionCount`\nsays what was missed).\n",
        "required": [
          "type",
          "channelId",
          "message"
        ],
        "properties": {
          "type": {
            "type": "string",
            "const": "mention"
          },
          "channelId": {
            "$ref": "#/components/schemas/Id"
          },
          "message": {
            "$ref": "#/components/schemas/Message"
          }
        }
      },
      "ServerFrame": {
        "description": "Any frame the server sends.",
        "oneOf": [
          {
            "$ref": "#/components/schemas/HelloFrame"
          },
          {
            "$ref": "#/components/schemas/SubscribedFrame"
          },
          {
            "$ref": "#/components/schemas/UnsubscribedFrame"
          },
          {
            "$ref": "#/components/schemas/EventFrame"
          },
          {
            "$ref": "#/components/schemas/AckFrame"
          },
          {
            "$ref": "#/components/schemas/TypingServerFrame"
          },
          {
            "$ref": "#/components/schemas/PresenceFrame"
          },
          {
            "$ref": "#/components/schemas/ResyncFrame"
          },
          {
            "$ref": "#/components/schemas/ErrorFrame"
          },
          {
            "$ref": "#/components/schemas/PongFrame"
          },
          {
            "$ref": "#/components/schemas/AddedFrame"
          },
          {
            "$ref": "#/components/schemas/MentionFrame"
          }
        ],
        "discriminator": {
          "propertyName": "type",
          "mapping": {
            "hello": "#/components/schemas/HelloFrame",
            "subscribed": "#/components/schemas/SubscribedFrame",
            "unsubscribed": "#/components/schemas/UnsubscribedFrame",
            "event": "#/components/schemas/EventFrame",
            "ack": "#/components/schemas/AckFrame",
            "typing": "#/components/schemas/TypingServerFrame",
            "presence": "#/components/schemas/PresenceFrame",
            "resync": "#/components/schemas/ResyncFrame",
            "error": "#/components/schemas/ErrorFrame",
            "pong": "#/components/schemas/PongFrame",
            "added": "#/components/schemas/AddedFrame",
            "mention": "#/components/schemas/MentionFrame"
          }
        }
      }
    }
  }
};
