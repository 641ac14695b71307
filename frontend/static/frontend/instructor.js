// Instructor dashboards: sortable and filterable tables, and the activity chart.
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach((table) => {
    table.querySelectorAll("th[data-sort]").forEach((th, column) => {
      th.tabIndex = 0;
      th.setAttribute("role", "button");
      const sort = () => {
        const numeric = th.dataset.sort === "number";
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach((other) => other.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const value = (row) => {
          const text = row.cells[column].textContent.trim();
          return numeric ? parseFloat(text) || 0 : text.toLowerCase();
        };
        Array.from(body.rows).sort((a, b) => {
          const [x, y] = [value(a), value(b)];
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        }).forEach((row) => body.appendChild(row));
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (event) => { if (event.key === "Enter") sort(); });
    });
  });
  document.querySelectorAll(".table-filter").forEach((input) => {
    const table = document.getElementById(input.dataset.table);
    input.addEventListener("input", () => {
      const needle = input.value.trim().toLowerCase();
      Array.from(table.tBodies[0].rows).forEach((row) => {
        row.hidden = needle && !row.cells[0].textContent.toLowerCase().includes(needle);
      });
    });
  });
  const data = document.getElementById("activity-data");
  if (data && window.Chart) {
    const activity = JSON.parse(data.textContent);
    new window.Chart(document.getElementById("activity"), {
      type: "bar",
      data: {
        labels: activity.labels.map((d) => d.slice(5)),
        datasets: [
          { label: "Envíos", data: activity.submissions, backgroundColor: "#f4a48f" },
          { label: "Superados", data: activity.passes, backgroundColor: "#1a7f37" },
        ],
      },
      options: { animation: false, plugins: { legend: { position: "bottom" } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }
})();
