// Milepost pages work without this file; it only adds comforts. The CSP allows scripts from
// this origin only, so nothing here is inline in the pages.
(function () {
	"use strict";

	// A link to #some-id opens the <details> it points into (the milestone timeline's markers).
	function openTarget() {
		if (!location.hash) {
			return;
		}
		var target = document.getElementById(decodeURIComponent(location.hash.substring(1)));
		for (var node = target; node; node = node.parentElement) {
			if (node.tagName === "DETAILS") {
				node.open = true;
			}
		}
	}
	window.addEventListener("hashchange", openTarget);
	document.addEventListener("DOMContentLoaded", openTarget);

	// A live region that re-renders keeps the <details> the reader had opened.
	var opened = [];
	document.addEventListener("htmx:beforeSwap", function (event) {
		opened = Array.prototype.map.call(event.detail.target.querySelectorAll("details[open][id]"),
			function (details) { return details.id; });
	});
	document.addEventListener("htmx:afterSettle", function () {
		opened.forEach(function (id) {
			var details = document.getElementById(id);
			if (details) {
				details.open = true;
			}
		});
		opened = [];
	});

	// A wide chart opens scrolled to today; a live re-render keeps where the reader had scrolled.
	function scrollCharts(root) {
		Array.prototype.forEach.call(root.querySelectorAll(".chart-scroll[data-scroll-x]"), function (chart) {
			chart.scrollLeft = Number(chart.getAttribute("data-scroll-x")) || 0;
		});
	}
	document.addEventListener("DOMContentLoaded", function () { scrollCharts(document); });
	var scrolled = null;
	document.addEventListener("htmx:beforeSwap", function (event) {
		var chart = event.detail.target.querySelector(".chart-scroll");
		scrolled = chart ? chart.scrollLeft : null;
	});
	document.addEventListener("htmx:afterSettle", function () {
		var chart = document.querySelector(".chart-scroll");
		if (chart && scrolled !== null) {
			chart.scrollLeft = scrolled;
		}
		scrolled = null;
	});

	// Tells tests (and curious people) that the live connection is open.
	document.addEventListener("htmx:sseOpen", function (event) {
		event.target.setAttribute("data-live", "open");
	});
	document.addEventListener("htmx:sseError", function (event) {
		event.target.setAttribute("data-live", "reconnecting");
	});
	// A "Copy" button copies the field it names (the calendar feed's address); selecting it is the fallback.
	document.addEventListener("click", function (event) {
		var button = event.target.closest ? event.target.closest("[data-copy]") : null;
		if (!button) {
			return;
		}
		var field = document.getElementById(button.getAttribute("data-copy"));
		if (!field) {
			return;
		}
		field.select();
		if (navigator.clipboard && navigator.clipboard.writeText) {
			navigator.clipboard.writeText(field.value).then(function () {
				button.textContent = "Copied";
			}, function () {
				button.textContent = "Press Ctrl+C";
			});
		}
		else {
			button.textContent = "Press Ctrl+C";
		}
	});

	// A "Print" button on the status report.
	document.addEventListener("click", function (event) {
		var button = event.target.closest ? event.target.closest("[data-print]") : null;
		if (button) {
			window.print();
		}
	});
})();
