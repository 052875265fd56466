package dev.milepost.interchange.internal;

import java.io.IOException;
import java.util.UUID;

import dev.milepost.common.MilepostException;
import dev.milepost.identity.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The import's pages: upload a plan file ({@code /projects/import}), read its preview (what would be
 * created, the people matched, the loss report, the schedule check), confirm, and land on the new
 * project's Gantt chart. The same service and refusals as the API; a refused upload or confirm
 * shows its page again with the reason.
 */
@Controller
class ImportPages {

	private final PlanImportService imports;

	private final CurrentUsers currentUsers;

	ImportPages(PlanImportService imports, CurrentUsers currentUsers) {
		this.imports = imports;
		this.currentUsers = currentUsers;
	}

	@GetMapping("/projects/import")
	ModelAndView form() {
		return upload(null, HttpStatus.OK);
	}

	@PostMapping("/projects/import")
	ModelAndView upload(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			return upload("Choose a plan file to import.", HttpStatus.BAD_REQUEST);
		}
		try {
			if (file.getSize() > imports.maxSize()) {
				throw PlanImportService.tooLarge(imports.maxSize());
			}
			ImportPreview preview = imports.upload(file.getOriginalFilename(), file.getBytes());
			return new ModelAndView("redirect:/projects/import/" + preview.id());
		}
		catch (MilepostException refused) {
			return upload(refused.getMessage(), refused.status());
		}
	}

	@GetMapping("/projects/import/{id}")
	ModelAndView preview(@PathVariable UUID id) {
		return preview(imports.read(id), null, null, null, HttpStatus.OK);
	}

	@PostMapping("/projects/import/{id}/confirm")
	ModelAndView confirm(@PathVariable UUID id, @RequestParam(required = false) String key,
			@RequestParam(required = false) String name) {
		ImportPreview preview = imports.read(id);
		try {
			ImportPreview done = imports.confirm(id, key, name);
			return new ModelAndView("redirect:/projects/" + done.project() + "/gantt");
		}
		catch (MilepostException refused) {
			return preview(preview, refused.getMessage(), key, name, refused.status());
		}
	}

	private ModelAndView upload(String error, HttpStatus status) {
		ModelAndView page = new ModelAndView("interchange/import", status);
		page.addObject("me", currentUsers.require());
		page.addObject("error", error);
		page.addObject("formats", ImportFormat.suffixes());
		page.addObject("maxMegabytes", imports.maxSize() / (1024 * 1024));
		return page;
	}

	private ModelAndView preview(ImportPreview preview, String error, String key, String name, HttpStatus status) {
		ModelAndView page = new ModelAndView("interchange/import-preview", status);
		page.addObject("me", currentUsers.require());
		page.addObject("preview", preview);
		page.addObject("error", error);
		page.addObject("key", key == null ? preview.suggestedKey() : key);
		page.addObject("name", name == null ? preview.name() : name);
		return page;
	}

}
