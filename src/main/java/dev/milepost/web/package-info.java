/**
 * Pages that bring a project's plan, schedule and health together (overview, Gantt, milestone
 * detail), and the live updates that keep every open page of a project current.
 */
package dev.milepost.web;
