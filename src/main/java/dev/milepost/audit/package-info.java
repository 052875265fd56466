/**
 * The append-only, tamper-evident record of every change: one SHA-256 hash chain per project and one for the workspace.
 */
package dev.milepost.audit;
