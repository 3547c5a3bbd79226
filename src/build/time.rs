//! Instants for the site outputs: RFC 3339 times as seconds since the
//! epoch (ordering, the news sitemap's 48-hour window) and in RSS's
//! RFC 822 form. The article's own text stays what sitemaps and Atom show.

use crate::model::{days_from_civil, parse_rfc3339};

/// Seconds since 1970-01-01T00:00:00Z of an RFC 3339 time, or `None` when
/// the text is not one (the contract's reader has refused those already).
pub fn epoch_seconds(text: &str) -> Option<i64> {
    let time = parse_rfc3339(text)?;
    // parse_rfc3339 checked the shape: the seconds are bytes 17..19.
    let second: i64 = text.get(17..19)?.parse().ok()?;
    let days = days_from_civil(
        i64::from(time.year),
        i64::from(time.month),
        i64::from(time.day),
    );
    Some(
        days * 86_400 + i64::from(time.hour) * 3_600 + i64::from(time.minute) * 60 + second
            - i64::from(time.offset_minutes) * 60,
    )
}

/// The time as RSS 2.0 dates it (RFC 822 with a four-digit year), in the
/// article's own offset: `Thu, 16 May 2024 07:12:00 +0700`.
pub fn rfc822(text: &str) -> Option<String> {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let time = parse_rfc3339(text)?;
    let second = text.get(17..19)?;
    let offset = time.offset_minutes;
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.unsigned_abs();
    Some(format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{second} {sign}{:02}{:02}",
        DAYS[time.weekday()],
        time.day,
        MONTHS[usize::from(time.month - 1)],
        time.year,
        time.hour,
        time.minute,
        offset / 60,
        offset % 60,
    ))
}

/// Now, in seconds since the epoch.
pub fn now_seconds() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_seconds_follow_the_offset() {
        assert_eq!(epoch_seconds("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            epoch_seconds("2024-05-16T07:12:30+07:00"),
            Some(1_715_818_350)
        );
        assert_eq!(
            epoch_seconds("2024-05-16T00:12:30Z"),
            epoch_seconds("2024-05-16T07:12:30+07:00")
        );
        assert_eq!(
            epoch_seconds("2024-02-29T00:00:00-01:30"),
            Some(1_709_170_200)
        );
        assert_eq!(epoch_seconds("yesterday"), None);
    }

    #[test]
    fn rss_dates() {
        assert_eq!(
            rfc822("2024-05-16T07:12:00+07:00").as_deref(),
            Some("Thu, 16 May 2024 07:12:00 +0700")
        );
        assert_eq!(
            rfc822("2024-12-01T23:59:59.5-03:30").as_deref(),
            Some("Sun, 01 Dec 2024 23:59:59 -0330")
        );
    }
}
