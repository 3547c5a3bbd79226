//! RFC 3339 timestamps, read strictly and shown in the publisher's own offset.
//!
//! Hand-written rather than a date crate because the browser bundle needs only
//! this one fixed format, and every crate in the wasm build costs readers bytes.

/// A timestamp as written, kept in its own UTC offset (no time-zone database).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    /// Four-digit year.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day of the month 1–31.
    pub day: u8,
    /// Hour 0–23.
    pub hour: u8,
    /// Minute 0–59.
    pub minute: u8,
    /// Offset from UTC in minutes (`+07:00` is 420).
    pub offset_minutes: i16,
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`. Returns `None` for anything
/// else, including a missing offset: a time without one is ambiguous.
pub fn parse_rfc3339(text: &str) -> Option<DateTime> {
    let b = text.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0u32, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let sep = |i: usize, allowed: &[u8]| b.get(i).is_some_and(|c| allowed.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset_minutes = match b.get(i..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (oh, om) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let minutes = (oh * 60 + om) as i16;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    Some(DateTime {
        year: year as u16,
        month: month as u8,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
        offset_minutes,
    })
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl DateTime {
    /// Day of the week, 0 = Sunday (Sakamoto's method). Signed and with
    /// floor division: January and February of year 0 count as year -1.
    pub fn weekday(&self) -> usize {
        const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let month = usize::from(self.month.clamp(1, 12));
        let year = i32::from(self.year) - i32::from(month < 3);
        let days = year + year.div_euclid(4) - year.div_euclid(100)
            + year.div_euclid(400)
            + T[month - 1]
            + i32::from(self.day);
        days.rem_euclid(7) as usize
    }

    /// The zone as Indonesian newsrooms print it in either language: WIB,
    /// WITA or WIT for Indonesia's offsets, else `UTC±hh:mm`.
    pub fn zone_label(&self) -> String {
        match self.offset_minutes {
            420 => "WIB".to_owned(),
            480 => "WITA".to_owned(),
            540 => "WIT".to_owned(),
            m => {
                let sign = if m < 0 { '-' } else { '+' };
                let m = m.unsigned_abs();
                format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_offsets_and_fractions() {
        let t = parse_rfc3339("2024-05-16T07:12:00+07:00").unwrap();
        assert_eq!(
            (t.year, t.month, t.day, t.hour, t.minute, t.offset_minutes),
            (2024, 5, 16, 7, 12, 420)
        );
        assert_eq!(
            parse_rfc3339("2024-05-16T00:00:00.125Z")
                .unwrap()
                .offset_minutes,
            0
        );
        assert_eq!(
            parse_rfc3339("2024-05-16T00:00:00-03:30")
                .unwrap()
                .offset_minutes,
            -210
        );
    }

    #[test]
    fn refuses_what_is_not_rfc3339() {
        for bad in [
            "2024-05-16",
            "2024-05-16T07:12:00",
            "2024-02-30T07:12:00Z",
            "2023-02-29T07:12:00Z",
            "2024-13-01T07:12:00Z",
            "2024-05-16T24:00:00Z",
            "2024-05-16T07:12:00+7:00",
            "2024-05-16T07:12:00.Z",
            "kemarin sore, kira-kira",
            "2024-05-16T07:12:00Z ",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
        assert!(parse_rfc3339("2024-02-29T07:12:00Z").is_some());
    }

    #[test]
    fn weekday_holds_in_year_zero() {
        let day = |text: &str| parse_rfc3339(text).unwrap().weekday();
        assert_eq!(day("2024-05-16T07:12:00Z"), 4, "a Thursday");
        assert_eq!(day("0001-01-01T00:00:00Z"), 1, "a Monday");
        // Year 0 is a leap year 366 days before; January wrapped before the fix.
        assert_eq!(day("0000-01-01T00:00:00Z"), 6, "a Saturday");
        assert_eq!(day("0000-02-29T00:00:00Z"), 2, "a Tuesday");
        assert_eq!(day("0000-03-01T00:00:00Z"), 3, "a Wednesday");
    }
}
