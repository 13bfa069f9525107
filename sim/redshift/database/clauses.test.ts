import { beforeEach, describe, expect, it } from 'vitest';
import type { RedshiftDatabase } from './database.ts';
import { openTestDatabase, runError, runOk } from './database-harness.ts';

let db: RedshiftDatabase;

beforeEach(async () => {
  db = await openTestDatabase();
  runOk(db, 'CREATE TABLE customers (id int, name varchar(20), city varchar(20))');
  runOk(
    db,
    'CREATE TABLE orders (id int, customer int, category varchar(10), price decimal(8,2), date timestamp)',
  );
  runOk(db, "INSERT INTO customers VALUES (1, 'Ann', 'Oslo'), (2, 'Bob', 'Rome'), (3, 'Cid', NULL)");
  runOk(
    db,
    `INSERT INTO orders VALUES
      (10, 1, 'toys', 120.00, '2016-07-01 09:00:00'),
      (11, 1, 'toys', 90.00, '2016-07-05 09:00:00'),
      (12, 1, 'books', 15.00, '2016-05-01 09:00:00'),
      (13, 2, 'toys', 30.00, '2016-04-01 09:00:00')`,
  );
});

describe('joins, grouping and ordering', () => {
  it('LEFT JOIN with aliases, mixed-case names and HAVING', () => {
    const result = runOk(
      db,
      `SELECT  c.ID, COUNT(o.id) AS orders, SUM(o.price)
       FROM    Customers c LEFT JOIN orders o ON c.ID = o.customer
       GROUP   BY c.ID HAVING COUNT(o.id) >= 1 ORDER BY 1`,
    );
    expect(result.columns).toEqual(['id', 'orders', 'sum']);
    expect(result.rows).toEqual([
      [1, 3, 225],
      [2, 1, 30],
    ]);
  });

  it('refuses a column that is neither grouped nor aggregated, as Redshift does (the workshop slide)', () => {
    const error = runError(
      db,
      `SELECT  c.ID
FROM    customers c
        LEFT JOIN orders o
              ON c.ID = o.customer
GROUP   BY c.ID
HAVING  o.date > GETDATE() - 30`,
    );
    expect(error).toEqual({
      code: '42803',
      message: 'column "o.date" must appear in the GROUP BY clause or be used in an aggregate function',
      line: 6,
      column: 9,
    });
  });

  it("fails the slide's last query (no select list) at its FROM, as Redshift's parser does", () => {
    const error = runError(
      db,
      `SELECT
  FROM customers c
    LEFT JOIN orders o
      ON c.ID = o.customerID
  GROUP BY c.ID
  HAVING o.category = 'toys'
)
)`,
    );
    expect(error).toEqual({ code: '42601', message: 'syntax error at or near "FROM"', line: 2, column: 3 });
  });

  it("runs the slide's intent once the date is aggregated", () => {
    const result = runOk(
      db,
      `SELECT c.ID FROM customers c LEFT JOIN orders o ON c.ID = o.customer
       GROUP BY c.ID HAVING MAX(o.date) > GETDATE() - 30 ORDER BY 1`,
    );
    expect(result.rows).toEqual([[1]]);
  });

  it('GROUP BY an output alias, ORDER BY an alias, NULLs last ascending and first descending', () => {
    expect(
      runOk(db, 'SELECT city AS town, COUNT(*) FROM customers GROUP BY town ORDER BY town').rows,
    ).toEqual([
      ['Oslo', 1],
      ['Rome', 1],
      [null, 1],
    ]);
    expect(runOk(db, 'SELECT city FROM customers ORDER BY city DESC').rows).toEqual([
      [null],
      ['Rome'],
      ['Oslo'],
    ]);
  });

  it('refuses a GROUP BY position beyond the select list and aggregates in WHERE', () => {
    expect(runError(db, 'SELECT city FROM customers GROUP BY 2')).toMatchObject({
      code: '42P10',
      message: 'GROUP BY position 2 is not in select list',
    });
    expect(runError(db, 'SELECT city FROM customers WHERE COUNT(*) > 1')).toMatchObject({
      code: '42803',
      message: 'aggregates not allowed in WHERE',
    });
  });

  it('AVG of integers is a truncated BIGINT in Redshift', () => {
    expect(runOk(db, 'SELECT AVG(id) FROM customers WHERE id IN (1, 2)').rows).toEqual([[1]]);
    expect(runOk(db, 'SELECT AVG(price) FROM orders WHERE id IN (10, 13)').rows).toEqual([[75]]);
  });

  it('LISTAGG … WITHIN GROUP orders the list', () => {
    expect(
      runOk(db, "SELECT LISTAGG(name, ', ') WITHIN GROUP (ORDER BY name DESC) FROM customers").rows,
    ).toEqual([['Cid, Bob, Ann']]);
  });

  it('DISTINCT, TOP, LIMIT/OFFSET; TOP with LIMIT is refused', () => {
    expect(runOk(db, 'SELECT DISTINCT category FROM orders ORDER BY 1').rows).toEqual([['books'], ['toys']]);
    expect(runOk(db, 'SELECT TOP 2 id FROM orders ORDER BY id DESC').rows).toEqual([[13], [12]]);
    expect(runOk(db, 'SELECT id FROM orders ORDER BY id LIMIT 1 OFFSET 2').rows).toEqual([[12]]);
    expect(runError(db, 'SELECT TOP 2 id FROM orders LIMIT 1').code).toBe('0A000');
    // EXPLAIN and UNLOAD prepare their query from text: TOP is read there too.
    expect(db.runPrepared(db.prepareQuery('SELECT TOP 1 id FROM orders ORDER BY id'))).toEqual([[10]]);
  });
});

describe('subqueries, WITH, UNION and windows', () => {
  it('IN (subquery), scalar subqueries, EXISTS-free correlated subqueries and derived tables', () => {
    expect(
      runOk(
        db,
        "SELECT name FROM customers WHERE id IN (SELECT customer FROM orders WHERE category = 'books')",
      ).rows,
    ).toEqual([['Ann']]);
    expect(runOk(db, 'SELECT (SELECT MAX(price) FROM orders)').rows).toEqual([[120]]);
    expect(
      runOk(
        db,
        'SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.customer = c.id) FROM customers c ORDER BY 1',
      ).rows,
    ).toEqual([
      ['Ann', 3],
      ['Bob', 1],
      ['Cid', 0],
    ]);
    expect(runOk(db, 'SELECT s.n FROM (SELECT COUNT(*) AS n FROM orders) s').rows).toEqual([[4]]);
  });

  it('WITH and UNION ALL', () => {
    expect(
      runOk(
        db,
        'WITH big AS (SELECT id FROM orders WHERE price > 50) SELECT id FROM big UNION ALL SELECT 99 ORDER BY 1',
      ).rows,
    ).toEqual([[10], [11], [99]]);
  });

  it('window functions SQLite has: ROW_NUMBER, RANK, LAG, SUM OVER PARTITION', () => {
    const result = runOk(
      db,
      `SELECT id, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY date), LAG(id) OVER (ORDER BY id),
              SUM(price) OVER (PARTITION BY customer)
       FROM orders ORDER BY id`,
    );
    expect(result.rows).toEqual([
      [10, 2, null, 225],
      [11, 3, 10, 225],
      [12, 1, 11, 225],
      [13, 1, 12, 30],
    ]);
  });

  it('runs a running total with a ROWS frame (read by the front end, not the parser)', () => {
    const result = runOk(
      db,
      'SELECT id, SUM(price) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM orders ORDER BY id',
    );
    expect(result.rows).toEqual([
      [10, 120],
      [11, 210],
      [12, 225],
      [13, 255],
    ]);
    expect(
      runError(db, 'SELECT SUM(price) OVER (ORDER BY id RANGE UNBOUNDED PRECEDING) FROM orders').message,
    ).toBe('Amazon Redshift supports only ROWS window frames, not RANGE');
  });

  it('refuses an aggregate window with ORDER BY and no frame, as Redshift does', () => {
    expect(runError(db, 'SELECT SUM(price) OVER (ORDER BY id) FROM orders').message).toBe(
      'Aggregate window functions with an ORDER BY clause require a frame clause',
    );
  });
});

describe('DDL and DML', () => {
  it('CREATE TABLE AS keeps types and keys; INSERT … SELECT converts; DELETE and UPDATE count rows', () => {
    expect(
      runOk(
        db,
        "CREATE TABLE toys DISTKEY(customer) SORTKEY(date) AS SELECT id, customer, price, date FROM orders WHERE category = 'toys'",
      ).rowCount,
    ).toBe(3);
    expect(db.table('toys')).toMatchObject({
      distStyle: 'KEY',
      distKey: 'customer',
      sortKey: { columns: ['date'] },
    });
    expect(db.table('toys')?.columns.map((c) => c.type.kind)).toEqual([
      'integer',
      'integer',
      'decimal',
      'timestamp',
    ]);
    expect(runOk(db, 'INSERT INTO toys SELECT id + 100, customer, price * 2, date FROM toys').rowCount).toBe(
      3,
    );
    expect(runOk(db, 'DELETE FROM toys WHERE id > 100').rowCount).toBe(3);
    expect(runOk(db, 'UPDATE toys SET price = price + 1 WHERE customer = 1').rowCount).toBe(2);
    expect(runOk(db, 'SELECT SUM(price) FROM toys').rows).toEqual([[242]]);
  });

  it('UPDATE enforces the column type row by row', () => {
    expect(runError(db, "UPDATE customers SET name = name || '-has-a-very-long-suffix'")).toMatchObject({
      code: '22001',
      message: 'value too long for type character varying(20)',
    });
    expect(runOk(db, 'SELECT name FROM customers ORDER BY id').rows).toEqual([['Ann'], ['Bob'], ['Cid']]);
  });

  it('a failed INSERT stores none of its rows', () => {
    expect(
      runError(db, "INSERT INTO customers VALUES (4, 'Dee', 'Oslo'), (5, 'Eve', 'a city name far too long')")
        .code,
    ).toBe('22001');
    expect(runOk(db, 'SELECT COUNT(*) FROM customers').rows).toEqual([[3]]);
  });

  it('TRUNCATE empties, DROP removes, and both refuse unknown tables', () => {
    runOk(db, 'TRUNCATE orders');
    expect(runOk(db, 'SELECT COUNT(*) FROM orders').rows).toEqual([[0]]);
    runOk(db, 'DROP TABLE orders');
    expect(runError(db, 'SELECT * FROM orders')).toMatchObject({
      code: '42P01',
      message: 'relation "orders" does not exist',
    });
    expect(runError(db, 'DROP TABLE orders')).toMatchObject({ code: '42P01' });
    runOk(db, 'DROP TABLE IF EXISTS orders');
  });

  it('IDENTITY and DEFAULT fill omitted columns; NOT NULL refuses NULL', () => {
    runOk(
      db,
      "CREATE TABLE events (id bigint IDENTITY(100, 5), kind varchar(8) NOT NULL DEFAULT 'click', at timestamp ENCODE delta)",
    );
    runOk(db, "INSERT INTO events (at) VALUES ('2016-07-01 00:00:00'), ('2016-07-02 00:00:00')");
    expect(runOk(db, 'SELECT * FROM events ORDER BY id').rows).toEqual([
      [100, 'click', '2016-07-01 00:00:00'],
      [105, 'click', '2016-07-02 00:00:00'],
    ]);
    expect(runError(db, 'INSERT INTO events (kind) VALUES (NULL)')).toMatchObject({
      code: '23502',
      message: 'Cannot insert a NULL value into column kind',
    });
    expect(runError(db, 'INSERT INTO events (id) VALUES (1)').code).toBe('0A000');
  });

  it('insertRows (COPY) fills IDENTITY where the rows have NULL and DEFAULT for columns not loaded', () => {
    runOk(db, "CREATE TABLE loaded (id int IDENTITY(1, 1), kind varchar(8) DEFAULT 'view', n int)");
    db.insertRows(
      'loaded',
      [
        [null, null, 5],
        [null, null, 6],
      ],
      { loadedColumns: ['n'] },
    );
    db.insertRows('loaded', [[null, 'click', 7]]);
    expect(runOk(db, 'SELECT * FROM loaded ORDER BY id').rows).toEqual([
      [1, 'view', 5],
      [2, 'view', 6],
      [3, 'click', 7],
    ]);
  });

  it('refuses an expression of the wrong type for a column', () => {
    expect(runError(db, 'INSERT INTO customers (id) VALUES (GETDATE())')).toMatchObject({
      code: '42804',
      message: 'column "id" is of type integer but expression is of type timestamp without time zone',
    });
  });

  it('SELECT * never shows the hidden slice column', () => {
    expect(runOk(db, 'SELECT * FROM customers WHERE id = 1').columns).toEqual(['id', 'name', 'city']);
    expect(runError(db, 'SELECT __slice FROM customers').code).toBe('42703');
  });
});

describe('table keys as Redshift checks them', () => {
  it('keeps DISTSTYLE, column DISTKEY/SORTKEY/ENCODE and INTERLEAVED sort keys as metadata', () => {
    runOk(db, 'CREATE TABLE a (x int ENCODE lzo DISTKEY, y date SORTKEY)');
    expect(db.table('a')).toMatchObject({
      distStyle: 'KEY',
      distKey: 'x',
      sortKey: { style: 'COMPOUND', columns: ['y'] },
    });
    expect(db.table('a')?.columns[0]?.encode).toBe('lzo');
    runOk(db, 'CREATE TABLE b (x int, y int, z int) DISTSTYLE ALL INTERLEAVED SORTKEY (x, y, z)');
    expect(db.table('b')).toMatchObject({
      distStyle: 'ALL',
      distKey: null,
      sortKey: { style: 'INTERLEAVED', columns: ['x', 'y', 'z'] },
    });
    runOk(db, 'CREATE TABLE c (x int)');
    expect(db.table('c')?.distStyle).toBe('EVEN');
  });

  it('defaults to DISTSTYLE AUTO in the current era', async () => {
    const today = await openTestDatabase({ era: 'current' });
    runOk(today, 'CREATE TABLE c (x int)');
    expect(today.table('c')?.distStyle).toBe('AUTO');
  });

  it('refuses keys that name no column or contradict each other', () => {
    expect(runError(db, 'CREATE TABLE a (x int) DISTKEY(y)').message).toBe(
      'column "y" named in DISTKEY does not exist',
    );
    expect(runError(db, 'CREATE TABLE a (x int) DISTSTYLE EVEN DISTKEY(x)').message).toContain(
      'DISTSTYLE EVEN cannot be used with a DISTKEY',
    );
    expect(runError(db, 'CREATE TABLE a (x int) DISTSTYLE KEY').message).toContain(
      'DISTSTYLE KEY needs a DISTKEY',
    );
    expect(runError(db, 'CREATE TABLE a (x int) SORTKEY(nope)').message).toBe(
      'column "nope" named in SORTKEY does not exist',
    );
    expect(runError(db, 'CREATE TABLE customers (x int)')).toMatchObject({
      code: '42P07',
      message: 'relation "customers" already exists',
    });
    expect(runError(db, 'CREATE TABLE a (x string)')).toMatchObject({
      code: '42704',
      message: 'type "string" does not exist',
    });
  });
});

describe('system tables', () => {
  it('PG_TABLE_DEF lists columns with types, encodings and keys', () => {
    runOk(
      db,
      'CREATE TABLE k (host varchar(512) ENCODE lzo, at timestamp NOT NULL) DISTKEY(host) SORTKEY(at)',
    );
    expect(
      runOk(
        db,
        'SELECT "column", type, encoding, distkey, sortkey, "notnull" FROM pg_table_def WHERE tablename = \'k\'',
      ).rows,
    ).toEqual([
      ['host', 'character varying(512)', 'lzo', true, 0, false],
      ['at', 'timestamp without time zone', 'none', false, 1, true],
    ]);
  });

  it('systemRows reads a system table without adding to STL_QUERY', () => {
    const before = db.queryHistory().length;
    expect(db.systemRows('PG_TABLE_DEF')?.map((r) => r[2])).toEqual([
      'id',
      'name',
      'city',
      'id',
      'customer',
      'category',
      'price',
      'date',
    ]);
    expect(db.queryHistory()).toHaveLength(before);
    expect(db.systemRows('no_such_table')).toBeUndefined();
  });

  it('STL_QUERY lists the queries run before, newest last', () => {
    runOk(db, 'SELECT COUNT(*) FROM orders');
    const rows = runOk(db, 'SELECT query, TRIM(querytxt), aborted FROM stl_query ORDER BY query').rows!;
    expect(rows[rows.length - 1]).toEqual([1002, 'SELECT COUNT(*) FROM orders', 0]);
  });
});

describe('what this engine does not run says exactly what', () => {
  it('names the construct', () => {
    expect(runError(db, "SELECT id FROM orders WHERE date AT TIME ZONE 'UTC' > GETDATE()").message).toContain(
      'AT TIME ZONE',
    );
    expect(runError(db, 'SELECT MEDIAN(price) FROM orders')).toMatchObject({
      code: '0A000',
      message: expect.stringContaining('MEDIAN'),
    });
    expect(runError(db, 'EXPLAIN SELECT 1')).toMatchObject({
      code: '0A000',
      message: 'EXPLAIN is not available in this simulator build',
    });
  });
});
