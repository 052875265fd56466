/**
 * Automation: blueprints of rules (when a trigger fires, if a CEL condition holds, then run
 * actions), versioned per project or for the workspace, explained in plain language, run with a
 * log of every run and paused per project.
 */
package dev.milepost.automation;
