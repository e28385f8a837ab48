/* date: a calendar date, as the data files write it ("2024-02-23") and the
 * documents print it. */
#ifndef PP_DATE_H
#define PP_DATE_H

/* A calendar date. In a period, month and day may be 0 when only the year
 * (or year and month) is known: "until October 2025" is {2025, 10, 0}.
 * year 0 means no date was given. */
typedef struct {
    int year, month, day;
} date;

#endif
