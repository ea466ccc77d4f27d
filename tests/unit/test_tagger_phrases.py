"""The temporal tagger on news sentences: one phrase per row, its TIMEX3 type and value.

DCT is Wednesday 2023-08-02 unless a row says otherwise. `value=None` means the phrase must not be
tagged at all (and nothing may overlap it).
"""

# ruff: noqa: E501  (one news sentence per row reads better than wrapped rows)

from __future__ import annotations

import datetime as dt

import pytest

from events import tag
from events.models import Timex

DCT = dt.date(2023, 8, 2)  # a Wednesday
NONE = None

# (sentence, phrase, type, value) -- resolved against DCT
CASES: list[tuple[str, str, str | None, str | None]] = [
    # --- full dates in common formats
    ("The treaty was signed on March 5, 2014, in Geneva.", "March 5, 2014", "DATE", "2014-03-05"),
    ("The treaty was signed on 5 March 2014 in Geneva.", "5 March 2014", "DATE", "2014-03-05"),
    ("He was born on Aug. 7, 1998, in Nairobi.", "Aug. 7, 1998", "DATE", "1998-08-07"),
    ("The decree is dated 2014-03-05.", "2014-03-05", "DATE", "2014-03-05"),
    ("The form was filed on 03/05/2014.", "03/05/2014", "DATE", "2014-03-05"),
    ("The memo, dated 25/12/2019, was leaked.", "25/12/2019", "DATE", "2019-12-25"),
    ("Elections were held on Sept. 30, 1990.", "Sept. 30, 1990", "DATE", "1990-09-30"),
    ("The ceasefire began on the 5th of March, 2014.", "the 5th of March, 2014", "DATE", "2014-03-05"),
    ("He died on Monday, Oct. 26, 1998.", "Monday, Oct. 26, 1998", "DATE", "1998-10-26"),
    ("Rebels seized the town on December 31 1999.", "December 31 1999", "DATE", "1999-12-31"),
    ("Apple launched the store on April 28 , 2003 .", "April 28 , 2003", "DATE", "2003-04-28"),
    ("The minutes were published 1973.02.16 in the gazette.", "1973.02.16", "DATE", "1973-02-16"),
    ("The firm was founded on Jan. 1, 1959.", "Jan. 1, 1959", "DATE", "1959-01-01"),
    # --- month + day without a year (year from the DCT and tense)
    ("The summit will be held on Sept. 14.", "Sept. 14", "DATE", "2023-09-14"),
    ("The vote took place on July 30.", "July 30", "DATE", "2023-07-30"),
    ("The dividend is payable Dec. 7 to holders of record.", "Dec. 7", "DATE", "2023-12-07"),
    ("Talks collapsed on 12 May, officials said.", "12 May", "DATE", "2023-05-12"),
    ("The bill was passed on Jan. 14.", "Jan. 14", "DATE", "2023-01-14"),
    ("The law, in force since 1 January, bans smoking.", "1 January", "DATE", "2023-01-01"),
    ("He has been in custody since his arrest on Dec. 3.", "Dec. 3", "DATE", "2022-12-03"),
    ("Sales rose 8% from the same period last year.", "the same period last year", "DATE", "2022-Q2"),
    ("The embassy will remain closed through the weekend.", "the weekend", "DATE", "2023-W31-WE"),
    ("The referendum, held on 23 June 2016, split the nation.", "23 June 2016", "DATE", "2016-06-23"),
    # --- month + year, months alone
    ("The company returned to profit in January 2020.", "January 2020", "DATE", "2020-01"),
    ("Prices peaked in Oct. 2008.", "Oct. 2008", "DATE", "2008-10"),
    ("The war ended in February 1947.", "February 1947", "DATE", "1947-02"),
    ("The bridge reopened in March of 2015.", "March of 2015", "DATE", "2015-03"),
    ("Inflation slowed in June.", "June", "DATE", "2023-06"),
    ("The plant will reopen in October.", "October", "DATE", "2023-10"),
    ("Output fell in May, the ministry said.", "May", "DATE", "2023-05"),
    ("Exports rose in July last year.", "July last year", "DATE", "2022-07"),
    ("The talks resume in January.", "January", "DATE", "2024-01"),
    # --- bare years in context
    ("The rebels returned in 2014.", "2014", "DATE", "2014"),
    ("The bridge was built in 2003.", "2003", "DATE", "2003"),
    ("No elections have been held since 2011.", "2011", "DATE", "2011"),
    ("Troops must leave before 2011.", "2011", "DATE", "2011"),
    ("2014's floods were the worst on record.", "2014", "DATE", "2014"),
    ("Turnout in the 2014 election was low.", "2014", "DATE", "2014"),
    ("The plan runs until 2030.", "2030", "DATE", "2030"),
    ("Sales are forecast to double by 2025.", "2025", "DATE", "2025"),
    ("The 1996 Olympic bombing killed one person.", "1996", "DATE", "1996"),
    ("Growth will slow in both 2024 and 2025.", "2024", "DATE", "2024"),
    ("The bonds are due 2031.", "2031", "DATE", "2031"),
    ("The company's 1989 operating results were restated.", "1989", "DATE", "1989"),
    ("The law dates from 1901.", "1901", "DATE", "1901"),
    # --- numbers that are not dates
    ("Around 2,500 military personnel were deployed.", "2,500", NONE, NONE),
    ("The museum sold tickets for $2014 each.", "2014", NONE, NONE),
    ("Police said 2014 people were evacuated.", "2014", NONE, NONE),
    ("Call 555-6005 for details.", "6005", NONE, NONE),
    ("He finished 12th out of 629 runners.", "629", NONE, NONE),
    ("The index closed at 2000 points.", "2000", NONE, NONE),
    ("Shares rose 1990 percent.", "1990", NONE, NONE),
    ("The flight number was 2014 from Lagos.", "2014", NONE, NONE),
    ("Some 1500 soldiers crossed the border.", "1500", NONE, NONE),
    ("The bill costs $1.2 billion.", "1.2", NONE, NONE),
    ("Room 1998 was locked.", "1998", NONE, NONE),
    ("Shares closed at 1,450 pence on Monday.", "1,450", NONE, NONE),
    ("The council meets on the first Monday of every month.", "the first Monday", NONE, NONE),
    ("He spent the first decade of the 2000s abroad.", "the first decade", NONE, NONE),
    # --- words that only look like dates
    ("Protesters may march on the capital.", "may", NONE, NONE),
    ("They plan to march to parliament.", "march", NONE, NONE),
    ("The Sun reported the story first.", "Sun", NONE, NONE),
    ("The Arab Spring toppled several leaders.", "Spring", NONE, NONE),
    ("Prices continued to fall in the market.", "fall", NONE, NONE),
    ("He said the fall of the regime was near.", "fall", NONE, NONE),
    ("The spring water was contaminated.", "spring", NONE, NONE),
    ("A 6-year-old boy was rescued.", "6-year-old", NONE, NONE),
    ("The 52-year-old minister resigned.", "52-year-old", NONE, NONE),
    # --- decades and centuries
    ("The city grew rapidly in the 1990s.", "the 1990s", "DATE", "199"),
    ("Rates were high in the 1980s.", "the 1980s", "DATE", "198"),
    ("It was a hit in the '80s.", "the '80s", "DATE", "198"),
    ("The reforms began in the nineties.", "the nineties", "DATE", "199"),
    ("The dam was finished in the early 1960s.", "the early 1960s", "DATE", "196"),
    ("The market crashed in the mid-1990s.", "the mid-1990s", "DATE", "199"),
    ("The walls date from the 11th century.", "the 11th century", "DATE", "10"),
    ("It was the bloodiest war of the 20th century.", "the 20th century", "DATE", "19"),
    ("The church was built in the nineteenth century.", "the nineteenth century", "DATE", "18"),
    ("It was unthinkable in the 2010s.", "the 2010s", "DATE", "201"),
    # --- weeks, quarters, halves, seasons
    ("Profit rose 5% in the third quarter.", "the third quarter", "DATE", "2023-Q3"),
    ("Sales fell in the first quarter of 2013.", "the first quarter of 2013", "DATE", "2013-Q1"),
    ("The company posted third-quarter earnings.", "third-quarter", "DATE", "2023-Q3"),
    ("The fourth quarter is usually strongest.", "The fourth quarter", "DATE", "2023-Q4"),
    ("Revenue grew in Q1 2013.", "Q1 2013", "DATE", "2013-Q1"),
    ("Earnings will improve in the current quarter.", "the current quarter", "DATE", "2023-Q3"),
    ("Margins narrowed in the latest quarter.", "the latest quarter", "DATE", "2023-Q2"),
    ("Exports rose in the first half of 2022.", "the first half of 2022", "DATE", "2022-H1"),
    ("The offensive began in the summer of 2013.", "the summer of 2013", "DATE", "2013-SU"),
    ("Floods hit the region last winter.", "last winter", "DATE", "2022-WI"),
    ("The school reopens this fall.", "this fall", "DATE", "2023-FA"),
    ("The talks resume next spring.", "next spring", "DATE", "2024-SP"),
    ("The deal was struck in spring 2019.", "spring 2019", "DATE", "2019-SP"),
    ("Fighting intensified last spring.", "last spring", "DATE", "2023-SP"),
    ("The stock was flat in the week of March 6.", "the week of March 6", "DATE", "2023-W10"),
    # --- times
    ("Polls will close at 8 p.m. Friday.", "8 p.m. Friday", "TIME", "2023-08-04T20:00"),
    ("The father will leave at 4 in the morning, Castro said.", "4 in the morning", "TIME", "2023-08-02T04:00"),
    ("The rally began at 3 in the afternoon.", "3 in the afternoon", "TIME", "2023-08-02T15:00"),
    ("Shares fell 4 in the morning session.", "4 in the morning", NONE, NONE),
    ("The blast happened at 10:35 a.m. yesterday.", "10:35 a.m. yesterday", "TIME", "2023-08-01T10:35"),
    ("The deadline is 5 p.m. EST, Nov. 6.", "5 p.m. EST, Nov. 6", "TIME", "2023-11-06T17:00"),
    ("The curfew begins at midnight Saturday.", "midnight Saturday", "TIME", "2023-08-05T24:00"),
    ("Troops moved in at noon Tuesday, witnesses said.", "noon Tuesday", "TIME", "2023-08-01T12:00"),
    ("The explosion was heard this morning.", "this morning", "TIME", "2023-08-02TMO"),
    ("Gunfire was reported late last night.", "late last night", "TIME", "2023-08-01TNI"),
    ("The president will speak tonight.", "tonight", "TIME", "2023-08-02TNI"),
    ("Rescuers arrived Friday morning.", "Friday morning", "DATE", "2023-07-28TMO"),
    ("The market opens on Monday at 9:30 a.m.", "Monday at 9:30 a.m.", "TIME", "2023-08-07T09:30"),
    ("The attack began around 7:15 p.m. on Sunday.", "around 7:15 p.m. on Sunday", "TIME", "2023-07-30T19:15"),
    ("Flights resume at 0600 GMT.", "0600 GMT", "TIME", "2023-08-02T06:00"),
    ("The blast came at about 10:35 a.m. (0735 GMT) Friday.", "Friday", "DATE", "2023-07-28"),
    # --- relative days and weeks, against the DCT
    ("The report was released on Wednesday.", "Wednesday", "DATE", "2023-08-02"),
    ("The minister said on Tuesday that talks had failed.", "Tuesday", "DATE", "2023-08-01"),
    ("The minister resigned on Friday.", "Friday", "DATE", "2023-07-28"),
    ("The minister will resign on Friday.", "Friday", "DATE", "2023-08-04"),
    ("Markets will reopen Monday.", "Monday", "DATE", "2023-08-07"),
    ("Police arrested him Sunday.", "Sunday", "DATE", "2023-07-30"),
    ("The court ruled yesterday.", "yesterday", "DATE", "2023-08-01"),
    ("The court rules today.", "today", "DATE", "2023-08-02"),
    ("The court will rule tomorrow.", "tomorrow", "DATE", "2023-08-03"),
    ("Shares fell 3% last week.", "last week", "DATE", "2023-W30"),
    ("Talks continue this week.", "this week", "DATE", "2023-W31"),
    ("The summit is scheduled for next week.", "next week", "DATE", "2023-W32"),
    ("Prices rose last month.", "last month", "DATE", "2023-07"),
    ("The law takes effect next month.", "next month", "DATE", "2023-09"),
    ("Inflation eased this month.", "this month", "DATE", "2023-08"),
    ("The company lost money last year.", "last year", "DATE", "2022"),
    ("Growth will slow next year.", "next year", "DATE", "2024"),
    ("Profits doubled this year.", "this year", "DATE", "2023"),
    ("Sales rose earlier this year.", "earlier this year", "DATE", "2023"),
    ("The plant closed last Friday.", "last Friday", "DATE", "2023-07-28"),
    ("The vote is next Tuesday.", "next Tuesday", "DATE", "2023-08-08"),
    ("The rally is this Saturday.", "this Saturday", "DATE", "2023-08-05"),
    ("Thousands marched over the weekend.", "the weekend", "DATE", "2023-W30-WE"),
    ("Riots broke out last weekend.", "last weekend", "DATE", "2023-W30-WE"),
    ("The visit was announced last April.", "last April", "DATE", "2023-04"),
    ("The museum reopens next March.", "next March", "DATE", "2024-03"),
    ("The bridge opened last Christmas.", "last Christmas", "DATE", "2022-12-25"),
    ("Stores will close on Christmas Day.", "Christmas Day", "DATE", "2023-12-25"),
    ("Sales jumped over Thanksgiving.", "Thanksgiving", "DATE", "2022-11-24"),
    ("Stores will open late in Christmas week.", "Christmas week", "DATE", "2023-W52"),
    # --- N units ago / from now
    ("The war began two decades ago.", "two decades ago", "DATE", "200"),
    ("He left the country two years ago.", "two years ago", "DATE", "2021"),
    ("The factory closed five years ago.", "five years ago", "DATE", "2018"),
    ("She moved there three months ago.", "three months ago", "DATE", "2023-05"),
    ("The attack happened 10 days ago.", "10 days ago", "DATE", "2023-07-23"),
    ("He was arrested six weeks ago.", "six weeks ago", "DATE", "2023-W25"),
    ("The dam burst a week ago.", "a week ago", "DATE", "2023-W30"),
    ("The rover will land two weeks from now.", "two weeks from now", "DATE", "2023-W33"),
    ("The company was founded a century ago.", "a century ago", "DATE", "19"),
    ("Over 200 years ago, the city was founded.", "Over 200 years ago", "DATE", "1823"),
    ("Prices were lower several years ago.", "several years ago", "DATE", "PAST_REF"),
    # --- chains on the last mentioned date
    ("The pact was signed on March 5, 2014. A day earlier, talks had stalled.", "A day earlier", "DATE", "2014-03-04"),
    ("Riots began on Aug. 7, 1998. Two days later, the army moved in.", "Two days later", "DATE", "1998-08-09"),
    ("The firm was founded in 2003. The following year it went public.", "The following year", "DATE", "2004"),
    ("The ban started in 2011. The previous year had seen record sales.", "The previous year", "DATE", "2010"),
    ("The vote was held on June 3, 2010. The next day, protests erupted.", "The next day", "DATE", "2010-06-04"),
    ("The quake struck on Jan. 12, 2010. Aid arrived the day after.", "the day after", "DATE", "2010-01-13"),
    ("He resigned in March 2019. A month later he was charged.", "A month later", "DATE", "2019-04"),
    ("The plant opened in 1998. That year, it employed 500 people.", "That year", "DATE", "1998"),
    ("The treaty was signed in 1990. Three years later it collapsed.", "Three years later", "DATE", "1993"),
    # a vague amount cannot be counted from: the amount is the timex, "later" a signal (not FUTURE_REF)
    ("The bank failed in 1990. A few days later, its rival announced losses.", "A few days", "DURATION", "PXD"),
    ("He left Cuba in 1959. Years later, he returned.", "Years", "DURATION", "PXY"),
    ("It rained on Sunday, Sept. 4, 2011. Earlier that day, a dam broke.", "Earlier that day", "DATE", "2011-09-04"),
    # --- PRESENT_REF / PAST_REF / FUTURE_REF
    ("The company now employs 3,000 people.", "now", "DATE", "PRESENT_REF"),
    ("He is currently in hospital.", "currently", "DATE", "PRESENT_REF"),
    ("The current government has promised reforms.", "current", "DATE", "PRESENT_REF"),
    ("Holders may buy shares at half the then current market price.", "then current", "DATE", "PAST_REF"),
    ("Holders may buy shares at half the then-current market price.", "then-current", "DATE", "PAST_REF"),
    ("The rebels recently seized the airport.", "recently", "DATE", "PAST_REF"),
    ("Such attacks were rare in the past.", "the past", "DATE", "PAST_REF"),
    ("Prices will rise in the future.", "the future", "DATE", "FUTURE_REF"),
    ("No change is expected in the near future.", "the near future", "DATE", "FUTURE_REF"),
    ("Attacks have increased in recent years.", "recent years", "DATE", "PAST_REF"),
    ("Right now there is no water.", "Right now", "DATE", "PRESENT_REF"),
    ("These days the border is quiet.", "These days", "DATE", "PRESENT_REF"),
    # --- modifiers
    ("The offensive started in early March.", "early March", "DATE", "2023-03"),
    ("Production resumed in mid-2014.", "mid-2014", "DATE", "2014"),
    ("The deal should close by the end of the year.", "the end of the year", "DATE", "2023"),
    ("Fighting eased in late 2015.", "late 2015", "DATE", "2015"),
    ("The project stalled for about three years.", "three years", "DURATION", "P3Y"),
    ("Talks will resume in mid-September.", "mid-September", "DATE", "2023-09"),
    ("The law took effect at the beginning of 2020.", "the beginning of 2020", "DATE", "2020"),
    ("The boom ended in the late 1990s.", "the late 1990s", "DATE", "199"),
    ("He will leave office early next year.", "early next year", "DATE", "2024"),
    ("Inflation peaked late last year.", "late last year", "DATE", "2022"),
    ("The vote is set for around Nov. 1.", "around Nov. 1", "DATE", "2023-11-01"),
    ("The siege lasted more than four months.", "more than four months", "DURATION", "P4M"),
    ("The trial could last up to six weeks.", "up to six weeks", "DURATION", "P6W"),
    ("He served nearly two years in prison.", "nearly two years", "DURATION", "P2Y"),
    ("The strike lasted at least 30 days.", "at least 30 days", "DURATION", "P30D"),
    ("The fire burned for almost a week.", "a week", "DURATION", "P1W"),
    ("Profit rose in its fourth quarter.", "fourth quarter", "DATE", "2022-Q4"),
    ("The company posted a third-quarter loss.", "third-quarter", "DATE", "2023-Q3"),
    # --- durations, including vague ones
    ("A minute and a half later, a pilot called in.", "A minute and a half", "DURATION", "PT1M30S"),
    ("The talks lasted an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"),
    ("He waited a year and a half for a verdict.", "a year and a half", "DURATION", "P1Y6M"),
    ("Revenue from outside clients was 45% of the total in the latest nine months.", "the latest nine months", "DURATION", "P9M"),
    ("The drought lasted three years.", "three years", "DURATION", "P3Y"),
    ("Prices doubled over the past three years.", "the past three years", "DURATION", "P3Y"),
    ("The talks lasted 14 days.", "14 days", "DURATION", "P14D"),
    ("He was held for 72 hours.", "72 hours", "DURATION", "PT72H"),
    ("The flight took 5 1/2 hours.", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("The meeting lasted half an hour.", "half an hour", "DURATION", "PT30M"),
    ("The contract runs for two and a half years.", "two and a half years", "DURATION", "P2Y6M"),
    ("A 10-year bond yields 4%.", "10-year", "DURATION", "P10Y"),
    ("The ceasefire held for several weeks.", "several weeks", "DURATION", "PXW"),
    ("Repairs will take a few days.", "a few days", "DURATION", "PXD"),
    ("The dispute has dragged on for years.", "years", "DURATION", "PXY"),
    ("Sales rose in the first nine months.", "the first nine months", "DURATION", "P9M"),
    ("Growth will slow over the next two years.", "the next two years", "DURATION", "P2Y"),
    ("The country has been at war for two decades.", "two decades", "DURATION", "P20Y"),
    ("The talks took a couple of months.", "a couple of months", "DURATION", "P2M"),
    ("The standoff lasted 90 minutes.", "90 minutes", "DURATION", "PT90M"),
    ("The region saw its worst drought in a century.", "a century", "DURATION", "P100Y"),
    ("Analysts expect gains in the coming months.", "the coming months", "DURATION", "PXM"),
    ("The project took twenty-four months.", "twenty-four months", "DURATION", "P24M"),
    ("Stocks hit a 52-week low.", "52-week", "DURATION", "P52W"),
    ("The 24-hour strike will start at midnight.", "24-hour", "DURATION", "PT24H"),
    ("Police broke up the three-day protest.", "three-day", "DURATION", "P3D"),
    ("They fought a decades-long feud.", "a decades-long", "DURATION", "PXE"),
    ("It lasted more than two thousand years.", "more than two thousand years", "DURATION", "P2000Y"),
    # --- sets
    ("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("The report is published annually.", "annually", "SET", "P1Y"),
    ("Inspections are held each year.", "each year", "SET", "P1Y"),
    ("The paper is published daily.", "daily", "SET", "P1D"),
    ("Prices are reviewed every month.", "every month", "SET", "P1M"),
    ("The ferry sails twice a week.", "twice a week", "SET", "P1W"),
    ("Markets are closed on Sundays.", "Sundays", "SET", "XXXX-WXX-7"),
    ("The festival is held each July.", "each July", "SET", "XXXX-07"),
    ("Buses run every two hours.", "every two hours", "SET", "PT2H"),
    ("Staff earn $50,000 a year.", "a year", "SET", "P1Y"),
    ("Patrols go out every night.", "every night", "SET", "XXXX-XX-XXTNI"),
    ("Results are reported weekly.", "weekly", "SET", "P1W"),
    # --- fiscal phrasing
    ("Profit fell in fiscal 2019.", "fiscal 2019", "DATE", "2019"),
    ("Sales rose 4% in the fiscal year.", "the fiscal year", "DATE", "2023"),
    ("Costs will rise in the current fiscal year.", "the current fiscal year", "DATE", "2023"),
    ("In the fiscal year ended Jan. 31, sales were $59 million.", "the fiscal year", "DURATION", "P1Y"),
    # "the quarter ended <date>": the calendar quarter holding most of the three months up to that day
    ("In the quarter ended July 31, Jayark had 5.6 million shares outstanding.", "the quarter", "DATE", "2023-Q2"),
    ("For the quarter ended Sept. 30, Delta posted net income of $133 million.", "the quarter", "DATE", "2022-Q3"),
    ("Revenue rose in the year-ago quarter.", "the year-ago quarter", "DATE", "2022-Q2"),
    ("Results beat forecasts in FY2022.", "FY2022", "DATE", "2022"),
    ("Profit rose 8% in the fiscal first quarter.", "the fiscal first quarter", "DATE", "2023-Q1"),
    # "a year earlier" after a quarter is that quarter a year before; after a nine-month figure, the year before
    ("Net rose 9% in the second quarter, from $4 million a year earlier.", "a year earlier", "DATE", "2022-Q2"),
    # a comparison point ("a year earlier") is not the period under discussion: later anaphora skip it
    ("Profit rose to $5 million from $4 million a year earlier. Sales were hurt earlier in the year by rain.", "the year", "DATE", "2023"),
    ("Net rose 9% in the second quarter. For the nine months, net rose from $9 million a year earlier.", "a year earlier", "DATE", "2022"),
    ("Net rose 9% in the second quarter. For the nine months, the company lost $2 million, against year-earlier net of $9 million.", "year-earlier", "DATE", "2022"),
    ("Net rose to $5 million in the second quarter. For the quarter a year ago, it earned $4 million.", "the quarter a year ago", "DATE", "2022-Q2"),
    # a year-ago comparison is with results already in, not with a quarter forecast since
    ("Net rose in the second quarter and should slow through the fourth quarter. In the year-ago period, it earned $4 million.", "the year-ago period", "DATE", "2022-Q2"),
    # the quarter under discussion is the latest one reported, not one named in passing
    ("Net rose 20% in the second quarter. After a flat first quarter, sales recovered. In the year-earlier period, charges were taken.", "the year-earlier period", "DATE", "2022-Q2"),
    # --- spoken years and holidays
    ("The plant opened in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ("Computers may fail in the year two thousand.", "the year two thousand", "DATE", "2000"),
    ("The war ended on New Year's Day 1995.", "New Year's Day 1995", "DATE", "1995-01-01"),
    ("The attack came on Easter Sunday 2019.", "Easter Sunday 2019", "DATE", "2019-04-21"),
    # --- one expression computed from the date it names
    ("The family met the day before last Tuesday.", "the day before last Tuesday", "DATE", "2023-07-31"),
    ("Shops reopened the day after Christmas 2020.", "the day after Christmas 2020", "DATE", "2020-12-26"),
    ("Hearings are set for the week of March 6, 2023.", "the week of March 6, 2023", "DATE", "2023-W10"),
    ("Traders sold heavily mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2023-08-01TAF"),
    ("Troops crossed the border late morning Tuesday.", "late morning Tuesday", "TIME", "2023-08-01TMO"),
    ("Sales rose in the first two quarters of 1990.", "the first two quarters of 1990", "DATE", "1990-H1"),
    ("The club meets on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ("Security was tightened after the 9/11 attacks.", "9/11", "DATE", "2001-09-11"),
    ("The court upheld the law in a 5-4 vote.", "5-4", NONE, NONE),
    # --- a deadline granted or moved lies ahead, whatever the tense of the verb
    ("Officials postponed until Tuesday morning any action on the case.", "Tuesday morning", "DATE", "2023-08-08TMO"),
    ("The agency gave the family until 9 a.m. Tuesday to sign the paper.", "9 a.m. Tuesday", "TIME", "2023-08-08T09:00"),
    ("The strike lasted until Tuesday.", "Tuesday", "DATE", "2023-08-01"),
    ("I'll send the files by Tuesday.", "Tuesday", "DATE", "2023-08-08"),
    ("Members had filed compliance reports by Monday.", "Monday", "DATE", "2023-07-31"),
    # --- informal text: a lower-case day counts after a word that makes it one
    ("it all kicked off on monday outside the embassy", "monday", "DATE", "2023-07-31"),
    ("we were there last sunday night", "last sunday night", "DATE", "2023-07-30TNI"),
    ("according to the sunday times", "sunday", NONE, NONE),
    # --- an ambiguous month name before the figures it names
    ("May sales rose 5% from a year earlier.", "May", "DATE", "2023-05"),
    ("Theresa May sales pitch fell flat.", "May", NONE, NONE),
]

# Ranges written as one phrase: (sentence, first, first value, second, second value)
RANGES: list[tuple[str, str, str, str, str]] = [
    ("Attacks rose between 2007 and 2011.", "2007", "2007", "2011", "2011"),
    ("He governed from 2007 to 2011.", "2007", "2007", "2011", "2011"),
    ("The 2007-2011 drought killed thousands.", "2007", "2007", "2011", "2011"),
    ("The 2009–2010 season was cancelled.", "2009", "2009", "2010", "2010"),
    ("The exhibition runs from March to May 2014.", "March", "2014-03", "May 2014", "2014-05"),
    ("Talks were held from Nov. 3 to Nov. 9, 2015.", "Nov. 3", "2015-11-03", "Nov. 9, 2015", "2015-11-09"),
    ("Prices fell between January and March.", "January", "2023-01", "March", "2023-03"),
    ("The 1998-99 season was a disaster.", "1998", "1998", "99", "1999"),
    ("He served as mayor 1990–1994.", "1990", "1990", "1994", "1994"),
    ("The study covers 2001 through 2005.", "2001", "2001", "2005", "2005"),
    # day ranges inside one token: the first day, and the last with the month and year
    ("The festival ran July 5-12.", "July 5", "2023-07-05", "12", "2023-07-12"),
    ("Talks were held Aug. 1-3, 2014, in Doha.", "Aug. 1", "2014-08-01", "3, 2014", "2014-08-03"),
    ("The summit took place on 12–14 March 2019.", "12", "2019-03-12", "14 March 2019", "2019-03-14"),
]


def _find(timexes: list[Timex], text: str, sentence: str) -> Timex | None:
    for t in timexes:
        if t.text == text:
            return t
    start = sentence.find(text)
    for t in timexes:
        if t.start < start + len(text) and start < t.end:
            return t
    return None


@pytest.mark.parametrize(("sentence", "phrase", "typ", "value"), CASES, ids=[c[1] + "|" + c[0][:30] for c in CASES])
def test_phrase(sentence: str, phrase: str, typ: str | None, value: str | None) -> None:
    assert phrase in sentence
    found = tag(sentence, DCT)
    t = _find(found, phrase, sentence)
    if value is None:
        assert t is None, f"{phrase!r} should not be tagged: {t}"
        return
    assert t is not None, f"{phrase!r} not tagged in {[x.text for x in found]}"
    assert (t.text, t.type, t.value) == (phrase, typ, value)


@pytest.mark.parametrize(("sentence", "a", "va", "b", "vb"), RANGES, ids=[r[0][:40] for r in RANGES])
def test_range_pairs(sentence: str, a: str, va: str, b: str, vb: str) -> None:
    found = tag(sentence, DCT)
    ta = next(t for t in found if t.text == a)
    tb = next(t for t in found if t.text == b and t.start > ta.start)
    assert (ta.value, tb.value) == (va, vb)
    assert ta.range_id is not None and ta.range_id == tb.range_id
    assert (ta.range_role, tb.range_role) == ("start", "end")


def test_range_ids_are_unique() -> None:
    found = tag("Between 2007 and 2011 and again from 2014 to 2016, attacks rose.", DCT)
    ids = [t.range_id for t in found]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_compact_year_range_offsets() -> None:
    s = "The 2007-2011 drought"
    a, b = tag(s, DCT)
    assert (s[a.start : a.end], s[b.start : b.end]) == ("2007", "2011")
    assert (a.span.edtf, b.span.edtf) == ("2007", "2011")  # type: ignore[union-attr]


# --- the seed article --------------------------------------------------------------------------
SEED = (
    "The report was released on Wednesday. Between 2007 and 2011 the unit grew; in 2014 it moved, and in "
    "January 2020 around 2,500 military personnel were sent. The statement was made a day earlier. "
    "The mission began two decades ago, in 2003, and ended before 2011."
)


def test_seed_without_dct_stays_unresolved() -> None:
    found = {t.text: t for t in tag(SEED)}
    wed = found["Wednesday"]
    assert wed.value == "XXXX-WXX-3" and wed.span is not None and wed.span.unresolved
    assert wed.span.start is None and wed.span.end is None
    assert found["a day earlier"].span.unresolved  # type: ignore[union-attr]
    assert found["two decades ago"].span.unresolved  # type: ignore[union-attr]
    assert found["2014"].value == "2014" and not found["2014"].span.unresolved  # type: ignore[union-attr]


def test_seed_with_dct() -> None:
    found = {t.text: t for t in tag(SEED, DCT)}
    assert found["Wednesday"].value == "2023-08-02"
    assert found["Wednesday"].span.anchor == (  # type: ignore[union-attr]
        "'Wednesday': the Wednesday of the week of the published date 2023-08-02"
    )
    earlier = found["a day earlier"]
    assert earlier.value == "2023-08-01"
    assert earlier.span.start == earlier.span.end == dt.date(2023, 8, 1)  # type: ignore[union-attr]
    assert earlier.anchor_tid == found["Wednesday"].tid
    assert "Wednesday 2023-08-02" in earlier.span.anchor  # type: ignore[union-attr]
    ago = found["two decades ago"]
    assert ago.span.approximate and ago.span.edtf == "2003~" and ago.span.granularity == "year"  # type: ignore[union-attr]
    assert ago.span.start == dt.date(2003, 1, 1)  # type: ignore[union-attr]
    first_2011 = next(t for t in tag(SEED, DCT) if t.text == "2011")
    assert found["2007"].range_id is not None and found["2007"].range_id == first_2011.range_id
    assert found["January 2020"].value == "2020-01"
    assert found["2003"].value == "2003" and found["2014"].value == "2014"
    assert "2,500" not in found and not any("2,500" in k for k in found)
    before = [t for t in tag(SEED, DCT) if t.text == "2011"][-1]
    assert before.value == "2011" and before.range_id is None


# --- unresolved without a DCT ------------------------------------------------------------------------
UNRESOLVED = [
    ("The report was released on Wednesday.", "Wednesday", "XXXX-WXX-3"),
    ("He resigned yesterday.", "yesterday", "XXXX-XX-XX"),
    ("Prices rose last week.", "last week", "XXXX-WXX"),
    ("The law takes effect next month.", "next month", "XXXX-XX"),
    ("The firm lost money last year.", "last year", "XXXX"),
    ("The vote is on March 5.", "March 5", "XXXX-03-05"),
    ("Talks resume in October.", "October", "XXXX-10"),
    ("The war began two decades ago.", "two decades ago", "XXX"),
]


@pytest.mark.parametrize(("sentence", "phrase", "value"), UNRESOLVED)
def test_unresolved_without_dct(sentence: str, phrase: str, value: str) -> None:
    t = _find(tag(sentence), phrase, sentence)
    assert t is not None and t.value == value
    assert t.span is not None and t.span.unresolved and t.span.start is None


# --- spans -------------------------------------------------------------------------------------------
SPANS = [
    ("in 2014", "2014", "2014-01-01", "2014-12-31", "year", "2014"),
    ("in January 2020", "January 2020", "2020-01-01", "2020-01-31", "month", "2020-01"),
    ("in the 2010s", "the 2010s", "2010-01-01", "2019-12-31", "decade", "201X"),
    ("in the third quarter of 2013", "the third quarter of 2013", "2013-07-01", "2013-09-30", "quarter", "2013-35"),
    ("in the summer of 2013", "the summer of 2013", "2013-06-01", "2013-08-31", "season", "2013-22"),
    ("in the 20th century", "the 20th century", "1900-01-01", "1999-12-31", "century", "19XX"),
    ("on March 5, 2014", "March 5, 2014", "2014-03-05", "2014-03-05", "day", "2014-03-05"),
    ("last week", "last week", "2023-07-24", "2023-07-30", "week", "2023-07-24/2023-07-30"),
]


@pytest.mark.parametrize(("sentence", "phrase", "start", "end", "gran", "edtf"), SPANS)
def test_spans(sentence: str, phrase: str, start: str, end: str, gran: str, edtf: str) -> None:
    t = _find(tag(sentence, DCT), phrase, sentence)
    assert t is not None and t.span is not None
    assert (t.span.start, t.span.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert (t.span.granularity, t.span.edtf) == (gran, edtf)


def test_mid_year_is_approximate_and_narrowed() -> None:
    (t,) = tag("Production resumed in mid-2014.", DCT)
    assert t.mod == "MID" and t.span is not None and t.span.approximate
    assert dt.date(2014, 4, 1) <= t.span.start <= t.span.end <= dt.date(2014, 9, 30)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("sentence", "phrase", "mod"),
    [
        ("The project stalled for about three years.", "three years", "APPROX"),
        ("The fire burned for almost a week.", "a week", "LESS_THAN"),
        ("The siege lasted more than four months.", "more than four months", "MORE_THAN"),
        ("He served nearly two years.", "nearly two years", "LESS_THAN"),
        ("The strike lasted at least 30 days.", "at least 30 days", "EQUAL_OR_MORE"),
        ("The offensive started in early March.", "early March", "START"),
        ("The deal should close by the end of the year.", "the end of the year", "END"),
        ("The vote is set for around Nov. 1.", "around Nov. 1", "APPROX"),
    ],
)
def test_modifiers(sentence: str, phrase: str, mod: str) -> None:
    t = _find(tag(sentence, DCT), phrase, sentence)
    assert t is not None and t.text == phrase and t.mod == mod
    if t.span is not None and mod in ("APPROX", "START", "MID", "END"):
        assert t.span.approximate


def test_durations_and_sets_have_no_span() -> None:
    for t in tag("The talks lasted three days and are held every Monday.", DCT):
        assert t.type in ("DURATION", "SET") and t.span is None


def test_tids_in_order() -> None:
    found = tag("On Monday and on Tuesday, and again in 2014.", DCT)
    assert [t.tid for t in found] == [f"t{i + 1}" for i in range(len(found))]


TENSE = [
    ("Neal Horsley said Friday that he would seek a new host.", "Friday", "2023-07-28"),
    ("He said the father would leave at 4 a.m. EDT Thursday.", "4 a.m. EDT Thursday", "2023-08-03T04:00"),
    ("\"The father will leave at 4 a.m. Thursday,\" Castro said.", "4 a.m. Thursday", "2023-08-03T04:00"),
    ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", "2023-07-28T24:00"),
    ("The offer is scheduled to expire at midnight Friday.", "midnight Friday", "2023-08-04T24:00"),
    ("The embassy will remain closed until Monday.", "Monday", "2023-08-07"),
    ("Qantas will double its flights by August in markets untouched by the crisis.", "August", "2023-08"),
    ("Qantas doubled its flights in June.", "June", "2023-06"),
    ("The talks will resume in March.", "March", "2024-03"),
    # a deadline ("by February") lies ahead whatever the tense around it; "By January," opening a sentence tells a story
    ("The sale, which had been expected, is part of a plan to pay down the loan by February.", "February", "2024-02"),
    ("By January, sales had fallen sharply.", "January", "2023-01"),
    # "next to" is a preposition, not a future cue
    ("Dozens were killed in the blasts next to the embassies on Friday.", "Friday", "2023-07-28"),
    # "according to" names a source; it takes no date of its own, the reported clause does
    ("The group might come as soon as Tuesday, according to media reports.", "Tuesday", "2023-08-08"),
    # a plan lies ahead of the report
    ("Protesters planned a large demonstration on Saturday.", "Saturday", "2023-08-05"),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", "2023-08-03"),
    ("He arrived Friday on a hastily planned trip.", "Friday", "2023-07-28"),
    # an -ed word after a determiner is an adjective; right after the date it is the verb
    ("The split would be paid on a still unspecified date in January.", "January", "2024-01"),
    ("Ahead of the trip, the State Department on Sunday issued a warning.", "Sunday", "2023-07-30"),
]


@pytest.mark.parametrize(("sentence", "phrase", "value"), TENSE)
def test_tense(sentence: str, phrase: str, value: str) -> None:
    t = _find(tag(sentence, DCT), phrase, sentence)
    assert t is not None and (t.text, t.value) == (phrase, value)


def test_holiday_week_begun() -> None:
    # Palm Sunday 2000: "Easter week began" is this year's Holy Week (ISO week 16), though Easter itself is ahead.
    (t,) = tag("Protesters prayed as Easter week began.", dt.date(2000, 4, 17))
    assert (t.text, t.value) == ("Easter week", "2000-W16")


def test_tense_same_weekday_as_dct_is_that_day() -> None:
    (t,) = tag("The minister said on Wednesday that talks had failed.", DCT)
    assert t.value == "2023-08-02"
