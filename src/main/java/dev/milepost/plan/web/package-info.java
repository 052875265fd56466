/** The plan's pages. */
package dev.milepost.plan.web;
