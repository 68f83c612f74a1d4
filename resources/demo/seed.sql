-- Tablewright demo database: a small bookshop.
-- Loaded into a new SQLite file by `tablewright --demo` (and by the tests).
PRAGMA foreign_keys = ON;

BEGIN;

CREATE TABLE authors (
    author_id   INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    country     TEXT,
    born        INTEGER CHECK (born BETWEEN 1000 AND 2100)
);

CREATE TABLE publishers (
    publisher_id INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    city         TEXT
);

CREATE TABLE books (
    book_id      INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    author_id    INTEGER NOT NULL REFERENCES authors (author_id),
    publisher_id INTEGER REFERENCES publishers (publisher_id) ON DELETE SET NULL,
    published    INTEGER,
    isbn         TEXT UNIQUE,
    price        NUMERIC(8, 2) NOT NULL CHECK (price >= 0),
    in_stock     INTEGER NOT NULL DEFAULT 0,
    updated_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX books_author_idx ON books (author_id);

CREATE TABLE customers (
    customer_id INTEGER PRIMARY KEY,
    first_name  TEXT NOT NULL,
    last_name   TEXT NOT NULL,
    email       TEXT NOT NULL UNIQUE,
    city        TEXT,
    joined      DATE NOT NULL
);

CREATE TABLE orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (customer_id),
    ordered_at  DATETIME NOT NULL,
    status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped', 'cancelled'))
);
CREATE INDEX orders_customer_idx ON orders (customer_id);

CREATE TABLE order_items (
    order_id   INTEGER NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    book_id    INTEGER NOT NULL REFERENCES books (book_id),
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    unit_price NUMERIC(8, 2) NOT NULL,
    PRIMARY KEY (order_id, book_id)
);

-- A larger table for trying out browsing, filters and sorting.
CREATE TABLE page_views (
    view_id    INTEGER PRIMARY KEY,
    book_id    INTEGER NOT NULL REFERENCES books (book_id),
    viewed_at  DATETIME NOT NULL,
    referrer   TEXT,
    seconds    INTEGER NOT NULL
);

CREATE TRIGGER books_touch AFTER UPDATE ON books
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE books SET updated_at = CURRENT_TIMESTAMP WHERE book_id = NEW.book_id;
END;

CREATE VIEW book_sales AS
SELECT b.book_id, b.title, a.name AS author,
       COALESCE(SUM(i.quantity), 0) AS copies,
       COALESCE(SUM(i.quantity * i.unit_price), 0) AS revenue
FROM books b
JOIN authors a ON a.author_id = b.author_id
LEFT JOIN order_items i ON i.book_id = b.book_id
GROUP BY b.book_id, b.title, a.name;

INSERT INTO authors (author_id, name, country, born) VALUES
 (1, 'Jane Austen', 'United Kingdom', 1775),
 (2, 'Fyodor Dostoevsky', 'Russia', 1821),
 (3, 'Chinua Achebe', 'Nigeria', 1930),
 (4, 'Gabriel García Márquez', 'Colombia', 1927),
 (5, 'Virginia Woolf', 'United Kingdom', 1882),
 (6, 'Haruki Murakami', 'Japan', 1949),
 (7, 'Toni Morrison', 'United States', 1931),
 (8, 'Italo Calvino', 'Italy', 1923),
 (9, 'Ursula K. Le Guin', 'United States', 1929),
 (10, 'Stanisław Lem', 'Poland', 1921);

INSERT INTO publishers (publisher_id, name, city) VALUES
 (1, 'Harbour Press', 'Lisbon'),
 (2, 'Northlight Books', 'Oslo'),
 (3, 'Riverbend & Sons', 'Boston'),
 (4, 'Kestrel House', 'Edinburgh');

INSERT INTO books (book_id, title, author_id, publisher_id, published, isbn, price, in_stock) VALUES
 (1, 'Pride and Prejudice', 1, 1, 1813, '978-0-00-000001-1', 9.99, 14),
 (2, 'Emma', 1, 1, 1815, '978-0-00-000002-8', 8.50, 6),
 (3, 'Crime and Punishment', 2, 2, 1866, '978-0-00-000003-5', 12.00, 9),
 (4, 'The Brothers Karamazov', 2, 2, 1880, '978-0-00-000004-2', 14.25, 3),
 (5, 'Things Fall Apart', 3, 3, 1958, '978-0-00-000005-9', 10.75, 11),
 (6, 'One Hundred Years of Solitude', 4, 3, 1967, '978-0-00-000006-6', 13.40, 8),
 (7, 'Mrs Dalloway', 5, 4, 1925, '978-0-00-000007-3', 7.95, 5),
 (8, 'To the Lighthouse', 5, 4, 1927, '978-0-00-000008-0', 8.95, 0),
 (9, 'Kafka on the Shore', 6, 2, 2002, '978-0-00-000009-7', 15.00, 12),
 (10, 'Beloved', 7, 3, 1987, '978-0-00-000010-3', 11.30, 7),
 (11, 'Invisible Cities', 8, 1, 1972, '978-0-00-000011-0', 9.60, 4),
 (12, 'The Left Hand of Darkness', 9, 4, 1969, '978-0-00-000012-7', 10.10, 10),
 (13, 'Solaris', 10, 2, 1961, '978-0-00-000013-4', 11.90, 2),
 (14, 'The Dispossessed', 9, 4, 1974, '978-0-00-000014-1', 10.40, 6);

INSERT INTO customers (customer_id, first_name, last_name, email, city, joined) VALUES
 (1, 'Ada', 'Lovelace', 'ada@example.org', 'London', '2023-01-14'),
 (2, 'Alan', 'Turing', 'alan@example.org', 'Manchester', '2023-02-02'),
 (3, 'Grace', 'Hopper', 'grace@example.org', 'New York', '2023-03-21'),
 (4, 'Edsger', 'Dijkstra', 'edsger@example.org', 'Eindhoven', '2023-05-09'),
 (5, 'Barbara', 'Liskov', 'barbara@example.org', 'Boston', '2023-07-30'),
 (6, 'Donald', 'Knuth', 'don@example.org', 'Stanford', '2024-01-05');

INSERT INTO orders (order_id, customer_id, ordered_at, status) VALUES
 (1, 1, '2024-02-01 10:15:00', 'shipped'),
 (2, 2, '2024-02-03 16:40:00', 'shipped'),
 (3, 3, '2024-03-11 09:05:00', 'paid'),
 (4, 1, '2024-04-22 19:30:00', 'new'),
 (5, 5, '2024-05-02 12:00:00', 'cancelled'),
 (6, 6, '2024-06-18 08:45:00', 'paid');

INSERT INTO order_items (order_id, book_id, quantity, unit_price) VALUES
 (1, 1, 1, 9.99), (1, 7, 2, 7.95),
 (2, 3, 1, 12.00), (2, 13, 1, 11.90),
 (3, 5, 3, 10.75),
 (4, 9, 1, 15.00), (4, 11, 1, 9.60),
 (5, 2, 1, 8.50),
 (6, 12, 2, 10.10), (6, 14, 1, 10.40);

-- 50,000 page views, generated so the file stays small in the repository.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
INSERT INTO page_views (view_id, book_id, viewed_at, referrer, seconds)
SELECT i,
       1 + (i * 7919) % 14,
       datetime('2024-01-01', '+' || (i * 97 % 31536000) || ' seconds'),
       CASE i % 4 WHEN 0 THEN 'search' WHEN 1 THEN 'newsletter' WHEN 2 THEN NULL ELSE 'social' END,
       5 + (i * 31) % 600
FROM n;

COMMIT;
