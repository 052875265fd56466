/**
 * Approvals: requests that name approvers (people, or a project role), decided in sequence or in
 * parallel, with delegation, due dates and comments; an approved request achieves the milestone
 * it is about, or moves the target of the milestone it re-plans.
 */
package dev.milepost.approval;
