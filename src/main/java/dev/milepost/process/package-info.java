/**
 * Processes: templates of steps (tasks owned by a project role, approvals by role) that close on a
 * milestone, built in for the workspace or defined per project, and processes started from them,
 * which create their tasks, approval requests, closing milestone and dependencies in one
 * transaction and show how far each step has come.
 */
package dev.milepost.process;
