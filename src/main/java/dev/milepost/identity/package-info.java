/**
 * People, passwords, personal API tokens and sign-in: who is calling, and whether they are a
 * workspace administrator.
 */
package dev.milepost.identity;
