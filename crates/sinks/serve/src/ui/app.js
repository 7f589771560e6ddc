// corroborate web UI: progressive enhancement only. Every page works without this script;
// on an event page it marks a picked fact's evidence sentences without reloading the page.
(function () {
  'use strict';

  var selection = document.getElementById('selection');
  if (!selection) {
    return;
  }

  function factIdOf(url) {
    try {
      return new URL(url, window.location.href).searchParams.get('fact');
    } catch (error) {
      return null;
    }
  }

  function clearMarks() {
    document.querySelectorAll('.sentence.marked').forEach(function (sentence) {
      sentence.classList.remove('marked');
    });
    document.querySelectorAll('.fact.selected').forEach(function (fact) {
      fact.classList.remove('selected');
      fact.removeAttribute('aria-current');
    });
    document.querySelectorAll('.evidence-jump').forEach(function (jump) {
      jump.textContent = '';
    });
  }

  // Marks the sentences of one fact, lists them at the top of each column and scrolls each
  // column to its first one. Returns false when the fact is not on this page.
  function mark(factId) {
    var item = document.getElementById('fact-' + factId);
    if (!item) {
      return false;
    }
    clearMarks();
    item.classList.add('selected');
    item.setAttribute('aria-current', 'true');
    var selector = '.sentence[data-facts~="' + CSS.escape(factId) + '"]';
    document.querySelectorAll('.source-column').forEach(function (column, index) {
      var marked = column.querySelectorAll(selector);
      var jump = column.querySelector('.evidence-jump');
      marked.forEach(function (sentence, position) {
        sentence.classList.add('marked');
        if (jump) {
          if (position === 0) {
            jump.appendChild(document.createTextNode('Marked: '));
          }
          var link = document.createElement('a');
          link.href = '#' + sentence.id;
          link.textContent = 'sentence ' + (Number(sentence.id.split('-').pop()) + 1);
          jump.appendChild(link);
          jump.appendChild(document.createTextNode(' '));
        }
      });
      if (marked.length > 0 && column.scrollHeight > column.clientHeight) {
        column.scrollTop = Math.max(0, marked[0].offsetTop - column.clientHeight / 3);
      }
    });
    var statement = item.querySelector('.fact-link');
    selection.textContent = 'Marked: the sentences stating “' +
      (statement ? statement.textContent : factId) + '”. ';
    var clear = document.createElement('a');
    clear.href = window.location.pathname + '#sources';
    clear.textContent = 'Clear';
    clear.addEventListener('click', function (event) {
      event.preventDefault();
      clearMarks();
      selection.textContent = 'Pick a fact above to mark the sentences that state it.';
      history.pushState(null, '', window.location.pathname + '#sources');
    });
    selection.appendChild(clear);
    return true;
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) {
      return;
    }
    var link = event.target.closest('a[data-fact]');
    if (!link) {
      return;
    }
    var factId = link.getAttribute('data-fact');
    if (!mark(factId)) {
      return; // Not on this page: let the browser follow the link.
    }
    event.preventDefault();
    history.pushState({ fact: factId }, '', link.href);
    document.getElementById('sources').scrollIntoView({ block: 'start' });
  });

  window.addEventListener('popstate', function () {
    var factId = factIdOf(window.location.href);
    if (!factId || !mark(factId)) {
      clearMarks();
      selection.textContent = 'Pick a fact above to mark the sentences that state it.';
    }
  });
}());
