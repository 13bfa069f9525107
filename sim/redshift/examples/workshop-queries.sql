-- The workshop's table, a few requests, and its three test queries (shared/seed, "Amazon Redshift Test Queries").
CREATE TABLE accesslogs
(
    host_address varchar(512),
    request_time timestamp,
    request_method varchar(5),
    request_path varchar(1024),
    request_protocol varchar(10),
    response_code Int,
    response_size Int,
    referrer_host varchar(1024),
    user_agent varchar(512)
)
DISTKEY(host_address)
SORTKEY(request_time);

INSERT INTO accesslogs VALUES
  ('198.51.100.7', '2016-06-14 09:00:01', 'GET', '/index.html', 'HTTP/1.1', 200, 5120, '-', 'curl/7.47'),
  ('198.51.100.7', '2016-06-14 09:00:05', 'GET', '/missing', 'HTTP/1.1', 404, NULL, '-', 'curl/7.47'),
  ('203.0.113.9', '2016-06-15 10:12:00', 'GET', '/missing', 'HTTP/1.1', 404, NULL, '-', 'Mozilla/5.0'),
  ('203.0.113.9', '2016-06-15 10:12:30', 'GET', '/cart', 'HTTP/1.1', 404, NULL, '-', 'Mozilla/5.0');

-- find distribution of response codes over days
SELECT TRUNC(request_time), response_code, COUNT(1) FROM accesslogs GROUP BY 1,2 ORDER BY 1,3 DESC;

-- find the 404 status codes
SELECT COUNT(1) FROM accessLogs WHERE response_code = 404;

-- show all requests for status as PAGE NOT FOUND
SELECT TOP 1 request_path,COUNT(1) FROM accesslogs WHERE response_code = 404 GROUP BY 1 ORDER BY 2 DESC;

-- a statement Redshift refuses: varchar(5) holds at most 5 bytes
INSERT INTO accesslogs (request_method) VALUES ('OPTIONS');
