// The checks in front of every request (issue 10, BAD_INPUTS case 36): the DNS-rebinding Host
// guard, the token's extraction and constant-time comparison, the raw request-head checks that
// refuse CR/LF injection, and the rate limiter's token bucket.
#include <QtTest>

#include "engine/serve/HttpGuard.h"
#include "engine/serve/RequestHead.h"
#include "engine/serve/TokenBucket.h"

using namespace lathe::serve;

class tst_HttpGuard : public QObject {
  Q_OBJECT
 private slots:
  void hosts() {
    for (const char* ok : {"127.0.0.1", "127.0.0.1:8080", "localhost", "LOCALHOST:1", "[::1]", "[::1]:65535"})
      QVERIFY2(HttpGuard::hostAllowed(ok), ok);
    for (const char* bad : {"", "evil.example", "127.0.0.1.evil.example", "localhost.", "127.0.0.1:", "127.0.0.1:80:80",
                            "127.0.0.1:123456", "[::1", "[::1]x", "[::2]", "::1", "127.1", "0.0.0.0", "localhost:x"})
      QVERIFY2(!HttpGuard::hostAllowed(bad), bad);
    QVERIFY(HttpGuard::isLoopback("127.0.0.1") && HttpGuard::isLoopback("::1") && HttpGuard::isLoopback("localhost"));
    QVERIFY(!HttpGuard::isLoopback("0.0.0.0") && !HttpGuard::isLoopback("192.168.1.2"));
  }

  void tokens() {
    QCOMPARE(HttpGuard::tokenOf("Bearer abc", ""), std::string_view("abc"));
    QCOMPARE(HttpGuard::tokenOf("bearer   abc  ", "other"), std::string_view("abc"));
    QCOMPARE(HttpGuard::tokenOf("Basic abc", "x"), std::string_view("x"));
    QCOMPARE(HttpGuard::tokenOf("", "x"), std::string_view("x"));
    QVERIFY(HttpGuard::tokenMatches("abc", "abc"));
    QVERIFY(!HttpGuard::tokenMatches("abd", "abc"));
    QVERIFY(!HttpGuard::tokenMatches("ab", "abc"));
    QVERIFY(!HttpGuard::tokenMatches("abcd", "abc"));
    QVERIFY(!HttpGuard::tokenMatches(std::string_view("abc\0", 4), "abc"));
    QVERIFY(!HttpGuard::tokenMatches("", ""));  // no token configured never matches
    QVERIFY(HttpGuard::validToken("a-Z_0.9~!"));
    QVERIFY(!HttpGuard::validToken("") && !HttpGuard::validToken("a b") && !HttpGuard::validToken("a\r\nb"));
    QVERIFY(!HttpGuard::validToken(std::string(257, 'a')));
  }

  void requestHeads() {
    const std::string ok = "GET / HTTP/1.1\r\nHost: x\r\nX-A:\tb c\r\n\r\n";
    QCOMPARE(RequestHead::end(ok), ok.size());
    QCOMPARE(RequestHead::problem(ok), std::string());
    QCOMPARE(RequestHead::end(ok + "BODY"), ok.size());
    QCOMPARE(RequestHead::end("GET / HTTP/1.1\r\nHost: x\r\n"), std::string::npos);
    QCOMPARE(RequestHead::end("GET / HTTP/1.1\nHost: x\n\n"), std::string("GET / HTTP/1.1\nHost: x\n\n").size());
    const std::vector<std::pair<std::string, std::string>> bad{
        {"GET / HTTP/1.1\nHost: x\n\n", "bare LF"},
        {"GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", "bare CR"},
        {"GET / HTTP/1.1\r\nX: a\nY: b\r\n\r\n", "bare LF"},
        {"GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n", "folded"},
        {std::string("GET / HTTP/1.1\r\nX: a\0\r\n\r\n", 25), "control character"},
        {"GET / HTTP/1.1\r\nX\x7f: a\r\n\r\n", "control character"},
        {"GET / HTTP/1.1\r\nX Y: a\r\n\r\n", "header name"},
        {"GET / HTTP/1.1\r\nno colon\r\n\r\n", "without a name"},
        {"GET / HTTP/1.1\r\n: v\r\n\r\n", "without a name"},
    };
    for (const auto& [head, says] : bad) {
      const std::string problem = RequestHead::problem(head.substr(0, RequestHead::end(head)));
      QVERIFY2(problem.find(says) != std::string::npos, (problem + " for " + head).c_str());
    }
  }

  void tokenBucket() {
    using Clock = TokenBucket::Clock;
    TokenBucket unlimited(0.0);
    for (int i = 0; i < 1000; ++i) QVERIFY(unlimited.tryTake());
    TokenBucket bucket(10.0, 3.0);
    const auto t = Clock::now();
    QVERIFY(bucket.tryTake(t) && bucket.tryTake(t) && bucket.tryTake(t));
    QVERIFY(!bucket.tryTake(t));
    QVERIFY(bucket.secondsUntilToken() > 0.0);
    QVERIFY(!bucket.tryTake(t + std::chrono::milliseconds(50)));  // half a token
    QVERIFY(bucket.tryTake(t + std::chrono::milliseconds(110)));
    // Never more than the burst, however long it rested.
    const auto later = t + std::chrono::hours(1);
    int taken = 0;
    while (bucket.tryTake(later)) ++taken;
    QCOMPARE(taken, 3);
  }
};

QTEST_APPLESS_MAIN(tst_HttpGuard)
#include "tst_HttpGuard.moc"
