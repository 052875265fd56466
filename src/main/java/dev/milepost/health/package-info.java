/**
 * Plan health: the brief's advice on milestones (spacing, number, checkable criteria, owners,
 * feeding work, goals kept apart) as checks that say what is wrong with a plan and how to fix it.
 */
package dev.milepost.health;
