/**
 * Scheduling: maps a project's plan onto the engine ({@code schedule.engine}, plain Java) and
 * turns its results into forecasts, floats, critical paths and milestone status with reasons.
 */
package dev.milepost.schedule;
