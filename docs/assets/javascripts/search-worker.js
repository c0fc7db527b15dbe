/* The search box's engine. Material's search box sends its queries to this worker (every page's configuration names
   it in place of Material's own: hooks/manual_site/features/search.py), and the answers come from Pagefind's index of
   the site (pagefind/), which is split by word: a search downloads only the parts its words need. Nothing is asked
   of any other site.

   Material's messages (its search worker's, Material 9): SETUP -> READY; QUERY "words" -> RESULT {items}, one list per
   page, the page first: {location, title, text, score, terms}. Material shows them, links each to location?h=<terms>
   and highlights those words on the page it opens.

   A query is answered in the practitioner's words:
   1. Its words: lower case, apostrophes dropped ("won't" is "wont"); the commonest ("what", "do", "if", "a") are set
      aside unless there is nothing else.
   2. Each word is looked up alone. A word no page has is corrected to the nearest word of the titles, summaries,
      keywords and phrases (search/words.json: a letter or two out, the commonest first), or two neighbours are
      read as one ("whistle blowing").
   3. A page scores, for each word, its score for that word as a share of the best page's, times how rare the word
      is (so "sofa" counts for more than "child"); a page with every word adds its score for the whole query.
   Pagefind weighs a document's keywords, then its title and phrases (its metadata; the phrases are
   docs/data/search-phrases.yml), above its headings and text. */

"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const ROOT = new URL("../../", self.location.href) // this file is assets/javascripts/ of the site
const SHOWN = 10 // results sent to the search box, each with its excerpt (one small file each)

const COMMON = new Set((
  "a about after all am an and any are as at be been being but by can could did do does doing for from get got had " +
  "has have he her hers him his how i if in into is it its me might must my of on onto or our should so some that " +
  "the their them then there these they this those to too up us was we were what whats when where which who whom " +
  "why will with would you your yours"
).split(" "))

// Pagefind's metadata weights (its default for a title: 5), chosen on the evaluation set and the acronyms of
// tests/test_search_browser.py: phrases weighed as much as keywords put "MASH" in "disagree with the mash decision"
// above the MASH referral document.
const WEIGHTS = { title: 8, keywords: 14, phrases: 8 }
const EVERY_WORD = 1.5 // how much a page with every word gains, as a share of the best such page's score

let engine = null // Pagefind, imported at the first query
let spelling = null // search/words.json, fetched at the first word no page has
const cache = new Map() // a word -> its results, for this page's visit
let latest = "" // the newest query: an older one still running is not answered
const answered = [] // [query, resolve] of callers waiting for a query's answer (the tests)
let last = null // the newest query answered, and the pages it was answered with

function pagefind() {
  if (engine === null) {
    engine = import(new URL("pagefind/pagefind.js", ROOT).href).then(async found => {
      await found.options({
        baseUrl: ROOT.pathname,
        noWorker: true, // this is the worker
        excerptLength: 24,
        ranking: { metaWeights: WEIGHTS }
      })
      return found
    })
  }
  return engine
}

function words(query) {
  return (query.toLowerCase().replace(/['\u2019]/g, "").match(/[\p{L}\p{N}]+/gu) || [])
}

async function lookUp(word) {
  if (!cache.has(word)) {
    const found = await (await pagefind()).search(word)
    cache.set(word, found ? found.results : [])
  }
  return cache.get(word)
}

/* Whether pages have the word itself (or, typed part way, a longer word of the titles, keywords and phrases). Pagefind
   answers a word it does not have with the pages of its longest indexed beginning ("stratergy" finds "strat..."), which
   is a guess; a misspelt word is better corrected. */
async function known(word) {
  if (await exactly(word)) return true
  const list = await spellingList()
  return Object.keys(list).some(candidate => candidate.startsWith(word))
}

async function exactly(word) {
  return (await lookUp(`"${word}"`)).length > 0
}

function spellingList() {
  if (spelling === null)
    spelling = fetch(new URL("search/words.json", ROOT)).then(r => r.ok ? r.json() : {}).catch(() => ({}))
  return spelling
}

/* Damerau-Levenshtein distance, stopping once past `most`. */
function distance(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return most + 1
  let before = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j], before[j - 2] + 1)
      best = Math.min(best, row[j])
    }
    if (best > most) return most + 1
    before = previous
    previous = row
  }
  return previous[b.length]
}

async function correct(word) {
  if (word.length < 4) return null
  const list = await spellingList()
  const most = word.length < 7 ? 1 : 2
  let best = null, bestDistance = most + 1, bestCount = 0
  for (const [candidate, count] of Object.entries(list)) {
    const d = distance(word, candidate, most)
    if (d < bestDistance || (d === bestDistance && d <= most && count > bestCount))
      [best, bestDistance, bestCount] = [candidate, d, count]
  }
  return bestDistance <= most ? best : null
}

/* The query's words as looked up: corrected, or two neighbours joined, where no page has the word as typed. */
async function lookedUp(typed) {
  const kept = typed.filter(word => !COMMON.has(word))
  const chosen = kept.length ? kept : typed
  const terms = []
  for (let i = 0; i < chosen.length; i++) {
    const word = chosen[i]
    if (i + 1 < chosen.length) { // "whistle blowing": the two read as one, where pages have it and not both words
      const next = chosen[i + 1], joined = word + next
      if (await exactly(joined) && !(await exactly(word) && await exactly(next))) {
        terms.push({ word: joined, results: await lookUp(joined) })
        i++
        continue
      }
    }
    const results = await lookUp(word)
    if (results.length && (word.length < 4 || await known(word))) {
      terms.push({ word, results })
      continue
    }
    const corrected = await correct(word)
    const instead = corrected === null ? [] : await lookUp(corrected)
    if (instead.length) terms.push({ word: corrected, results: instead })
    else if (results.length) terms.push({ word, results })
  }
  return terms
}

async function rank(query) {
  const terms = await lookedUp(words(query))
  const scores = new Map()
  const add = (id, score, result) => {
    const page = scores.get(id) || { score: 0, result }
    page.score += score
    scores.set(id, page)
  }
  for (const { results } of terms) {
    const best = results[0].score
    const rarity = Math.log(1 + best)
    for (const result of results) add(result.id, rarity * result.score / best, result)
  }
  if (terms.length > 1) {
    const found = await (await pagefind()).search(terms.map(term => term.word).join(" "))
    const every = found ? found.results : []
    if (every.length) {
      const best = every[0].score
      const top = Math.max(...[...scores.values()].map(page => page.score))
      for (const result of every) add(result.id, EVERY_WORD * top * result.score / best, result)
    }
  }
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score)
  return { terms: terms.map(term => term.word), ranked }
}

function plain(html) {
  return html.replace(/<[^>]*>/g, "")
}

async function answer(query) {
  const { terms, ranked } = await rank(query)
  const shown = ranked.slice(0, SHOWN)
  const pages = await Promise.all(shown.map(page => page.result.data()))
  const highlight = Object.fromEntries(terms.map(term => [term, true]))
  return pages.map((page, n) => {
    const score = shown.length - n // Material opens the highest score on Enter: the first result
    const title = page.meta.title || plain(page.url)
    return [{ location: page.url, title: escapeText(title), text: page.excerpt, score, terms: highlight }]
  })
}

function escapeText(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
}

async function respond(query) {
  latest = query
  let items = []
  if (words(query).length) {
    try {
      items = await answer(query)
    } catch (error) {
      console.error("Search failed:", error)
    }
  }
  if (query !== latest) return // a newer query is on its way
  self.postMessage({ type: RESULT, data: { items } })
  last = { query, locations: items.map(([page]) => page.location) }
  for (let i = answered.length - 1; i >= 0; i--)
    if (answered[i][0] === query) answered.splice(i, 1)[0][1](last.locations)
}

self.addEventListener("message", ({ data: message }) => {
  switch (message.type) {
    case SETUP:
      self.postMessage({ type: READY })
      break
    case QUERY:
      respond(message.data)
      break
  }
})

/* For the tests and the benchmark (Playwright reaches a page's workers): the pages a query was answered with, once
   it has been (the search box shows them a moment later). */
self.manualSearch = {
  answered: query => last !== null && last.query === query
    ? Promise.resolve(last.locations)
    : new Promise(resolve => answered.push([query, resolve]))
}
