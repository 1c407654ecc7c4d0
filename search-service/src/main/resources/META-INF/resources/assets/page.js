// Keyboard for the suggestions under the search box, a list of links (WAI-ARIA APG, "Combobox" keyboard
// interaction): Down from the box or a suggestion goes to the next suggestion, Up to the previous one or back
// to the box, Escape closes the list and returns to the box. Everything else on the pages is plain links and
// forms, and without this script the suggestions are still reached with Tab.
document.addEventListener('keydown', function (event) {
  var box = document.getElementById('q');
  var list = document.getElementById('suggestions');
  if (!box || !list) {
    return;
  }
  var links = Array.prototype.slice.call(list.querySelectorAll('a'));
  var at = links.indexOf(document.activeElement);
  if (document.activeElement !== box && at < 0) {
    return;
  }
  if (event.key === 'ArrowDown' && links.length > 0) {
    links[Math.min(at + 1, links.length - 1)].focus();
  } else if (event.key === 'ArrowUp' && at >= 0) {
    (at === 0 ? box : links[at - 1]).focus();
  } else if (event.key === 'Escape' && links.length > 0) {
    list.replaceChildren();
    box.focus();
  } else {
    return;
  }
  event.preventDefault();
});
