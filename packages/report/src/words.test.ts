// Numbers in words: one date format, durations in the largest sensible units on the
// calendar, counts with their nouns, option labels that read in a sentence.
import { describe, expect, it } from "vitest";
import { parseDate } from "@concord/core";
import { value } from "../../../test/fixtures/result.js";
import { negatePhrase } from "./brief/steps.js";
import { countWords, dateWords, daysWords, durationWords, numberWords, optionPhrase, ordinalWords, relativeWords, shortLabel } from "./words.js";

const day = (iso: string): number => value(parseDate(iso)).last;

describe("words for numbers and dates", () => {
  it("writes dates of every precision in one format", () => {
    expect(dateWords("2023-12-07")).toBe("7 December 2023");
    expect(dateWords("2023-11")).toBe("November 2023");
    expect(dateWords("2023")).toBe("2023");
    expect(dateWords("~2023-09")).toBe("about September 2023");
    expect(dateWords("2023-10-05/2023-10-06")).toBe("5–6 October 2023");
    expect(dateWords("2023-11-30/2023-12-02")).toBe("30 November – 2 December 2023");
    expect(dateWords("2020-11/2022-04")).toBe("November 2020 – April 2022");
    expect(dateWords("not a date")).toBe("not a date");
  });

  it("measures durations on the calendar, in the largest sensible units", () => {
    expect(durationWords(day("2023-12-01"), day("2023-12-07"))).toBe("6 days");
    expect(durationWords(day("2023-11-21"), day("2023-12-07"))).toBe("2 weeks and 2 days");
    expect(durationWords(day("2023-10-13"), day("2023-12-07"))).toBe("1 month and 3 weeks");
    expect(durationWords(day("2023-01-31"), day("2023-02-28"))).toBe("4 weeks");
    expect(durationWords(day("2023-01-31"), day("2023-03-01"))).toBe("1 month");
    // Not "1 month and 4 weeks": the weeks left over would make another month.
    expect(durationWords(day("2024-05-01"), day("2024-06-30"))).toBe("1 month and 29 days");
    expect(durationWords(day("2024-05-01"), day("2024-06-28"))).toBe("1 month and 3 weeks");
    expect(durationWords(day("2023-12-07"), day("2024-06-07"))).toBe("6 months");
    expect(durationWords(day("2023-12-07"), day("2025-05-10"))).toBe("1 year 5 months");
    expect(durationWords(day("2023-12-07"), day("2025-12-07"))).toBe("2 years");
    expect(durationWords(day("2025-05-10"), day("2023-12-07"))).toBe("1 year 5 months");
    expect(relativeWords(day("2023-12-07"), day("2025-05-10"))).toBe("in 1 year 5 months");
    expect(relativeWords(day("2023-12-07"), day("2023-12-01"))).toBe("6 days ago");
    expect(relativeWords(day("2023-12-07"), day("2023-12-07"))).toBe("today");
    expect(daysWords(16)).toBe("2 weeks and 2 days");
    expect(daysWords(3, 33)).toBe("3 days to 1 month");
  });

  it("counts with nouns, small numbers in words", () => {
    expect(countWords(0, "state")).toBe("no states");
    expect(countWords(1, "party", "parties")).toBe("one party");
    expect(countWords(4, "decision maker")).toBe("four decision makers");
    expect(countWords(1536, "state")).toBe("1,536 states");
    expect(numberWords(1_048_576)).toBe("1,048,576");
    expect(ordinalWords(3)).toBe("third");
    expect(ordinalWords(12)).toBe("12th");
  });
});

describe("option labels in sentences", () => {
  it("drops a closing explanation, keeps labels that would lose their sense", () => {
    expect(shortLabel("Azerbaijan asks the Russian peacekeepers to leave (notice that their mandate is not renewed)")).toBe("Azerbaijan asks the Russian peacekeepers to leave");
    expect(shortLabel("Sign (now)")).toBe("Sign (now)");
  });

  it("says who acts, and negates a dropped option after the actor", () => {
    expect(optionPhrase("United States and EU", "The US and EU keep Azerbaijan under pressure")).toBe("the US and EU keep Azerbaijan under pressure");
    expect(optionPhrase("Government", "withdraw the troops")).toBe("Government: withdraw the troops");
    expect(negatePhrase("Azerbaijan keeps up military pressure")).toBe("Azerbaijan no longer keeps up military pressure");
    expect(negatePhrase("the US and EU keep Azerbaijan under pressure")).toBe("the US and EU no longer keep Azerbaijan under pressure");
    expect(negatePhrase("Government: withdraw the troops")).toBe("Government: no longer withdraw the troops");
    expect(negatePhrase("hand in weapons")).toBe("no longer: hand in weapons");
  });
});
