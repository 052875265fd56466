/**
 * Notifications: what happened is written to an outbox in the same transaction as the change,
 * then delivered in the background to in-app inboxes, by e-mail and to signed webhooks, with
 * retries, incidents, per-person preferences, digests and reminders.
 */
package dev.milepost.notification;
