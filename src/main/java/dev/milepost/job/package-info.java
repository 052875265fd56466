/**
 * Long work run in the background on a bounded pool (simulations, later imports), with its
 * status, progress and result kept in the database so any instance can report on it.
 */
package dev.milepost.job;
