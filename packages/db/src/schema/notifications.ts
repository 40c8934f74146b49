// Tables of notifications. Placeholder until the slice lands.

export type NotificationsTables = {};
