/** The notification pages: the person's inbox, its unread count in the bar, and their notification preferences. */
package dev.milepost.notification.web;
