package dev.milepost.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the status report template to PDF with openhtmltopdf. The template is written as
 * well-formed XHTML for this; in PDF mode it leaves out the navigation and scripts and carries
 * its print style inline (the PDF renderer fetches nothing). DejaVu Sans is embedded where the
 * system has it, so names in any Latin, Greek or Cyrillic script print; otherwise the PDF's
 * built-in Helvetica is used.
 */
@Component
class ReportPdf {

	static final String TEMPLATE = "web/report";

	private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

	private static final Path DEJAVU_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

	private final ITemplateEngine templates;

	private final String css;

	ReportPdf(ITemplateEngine templates) {
		this.templates = templates;
		try (InputStream in = new ClassPathResource("static/css/report.css").getInputStream()) {
			this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The report's style sheet is missing from the build", e);
		}
	}

	byte[] render(Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(request.getServletContext())
					.buildExchange(request, response),
				Locale.ENGLISH, model);
		context.setVariable("css", css);
		context.setVariable("embeddedFont", Files.isReadable(DEJAVU));
		String html = templates.process(TEMPLATE, context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		if (Files.isReadable(DEJAVU)) {
			builder.useFont(DEJAVU.toFile(), "DejaVu Sans");
			if (Files.isReadable(DEJAVU_BOLD)) {
				builder.useFont(DEJAVU_BOLD.toFile(), "DejaVu Sans", 700,
						com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
			}
		}
		builder.withHtmlContent(html, null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The report could not be rendered as PDF", e);
		}
		return out.toByteArray();
	}

}
