// slider.js: the date slider, "Relations known by": the relations whose period
// starts on or before the chosen date's period ends, and every undated one
// (--as-of's rule, in the page).
//
// Needs: data, $ (base.js); dateLimit (state.js); applyFilters (filters.js).
// Gives: slider (the range input; its last stop is "all dates").

// The date slider: the relations known by a date (undated ones always).
const dates = $("dates");
const slider = $("date-slider");
if (data.dates.length) {
  dates.hidden = false;
  slider.max = String(data.dates.length);
  slider.value = slider.max;
  const say = () => {
    const index = Number(slider.value);
    $("date-value").textContent = index === data.dates.length ? "all dates" : "as of " + data.dates[index].date;
    slider.setAttribute("aria-valuetext", $("date-value").textContent);
  };
  say();
  slider.addEventListener("input", () => {
    const index = Number(slider.value);
    dateLimit = index === data.dates.length ? null : data.dates[index].end;
    say();
    applyFilters();
  });
}
