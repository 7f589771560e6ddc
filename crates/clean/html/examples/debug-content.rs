fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let mut html = String::new();
    use std::io::Read;
    flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut html).unwrap();
    match corroborate_html::extract(&html, None, &Default::default()) {
        Ok(page) => println!("{}", page.text),
        Err(e) => println!("ERR {e}"),
    }
}
