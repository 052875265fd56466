/**
 * Feeds for other tools: each person's secret, revocable iCalendar (RFC 5545) subscription to a
 * project's milestones, for Outlook, Google Calendar and the like.
 */
package dev.milepost.feed;
