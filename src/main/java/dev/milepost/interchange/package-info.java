/**
 * Plans out to other tools: a project's plan with its computed schedule written as Microsoft
 * Project XML (MSPDI), Primavera P6 XML (PMXML), an Excel workbook and CSV.
 */
package dev.milepost.interchange;
