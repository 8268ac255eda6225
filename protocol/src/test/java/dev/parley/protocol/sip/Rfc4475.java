package dev.parley.protocol.sip;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Torture messages of RFC 4475 (https://www.rfc-editor.org/rfc/rfc4475), transcribed: lines
 * end with CRLF, {@code <allOneLine>} parts joined, the {@code <repeat>} parts expanded. Each
 * invalid message keeps a correct Content-Length unless the length is the defect under test,
 * so it is refused for the reason the RFC names and not by accident.
 */
final class Rfc4475 {

    /** The 150-byte SDP body most messages carry (§3.1.1.1). */
    static final String SDP = crlf("""
            v=0
            o=mhandley 29739 7272939 IN IP4 192.0.2.3
            s=-
            c=IN IP4 192.0.2.4
            t=0 0
            m=audio 49217 RTP/AVP 0 12
            m=video 3227 RTP/AVP 31
            a=rtpmap:31 LPC
            """);

    private Rfc4475() {
    }

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static byte[] bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8);
    }

    /** Headers (no Content-Length, no empty line) plus the SDP body with its true length. */
    static String withSdp(String headers) {
        return crlf(headers) + "Content-Length: " + bytes(SDP).length + "\r\n\r\n" + SDP;
    }

    /** §3.1.1.1 A Short Tortuous INVITE. */
    static final String WSINV = crlf("""
            INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
            TO :
             sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
            from   : "J Rosenberg \\\\\\""       <sip:jdrosen@example.com>
              ;
              tag = 98asjd8
            MaX-fOrWaRdS: 0068
            Call-ID: wsinv.ndaksdj@192.0.2.1
            Content-Length   : 150
            cseq: 0009
              INVITE
            Via  : SIP  /   2.0
             /UDP
                192.0.2.2;branch=390skdjuw
            s :
            NewFangledHeader:   newfangled value
             continued newfangled value
            UnknownHeaderWithUnusualValue: ;;,,;;,;
            Content-Type: application/sdp
            Route:
             <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
            v:  SIP  / 2.0  / TCP     spindle.example.com   ;
              branch  =   z9hG4bK9ikj8  ,
             SIP  /    2.0   / UDP  192.168.255.111   ; branch=
             z9hG4bK30239
            m:"Quoted string \\"\\"" <sip:jdrosen@example.com> ; newparam =
                  newvalue ;
              secondparam ; q = 0.33

            """) + SDP;

    /** §3.1.1.2 Wide Range of Valid Characters. */
    static final String INTMETH = crlf("!interesting-Method0123456789_*+`.%indeed'~ "
            + "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)"
            + "@example.com SIP/2.0\n"
            + "Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~\n"
            + "To: \"BEL:\\\u0007 NUL:\\\u0000 DEL:\\\u007f\" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>\n"
            + "From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="
            + "\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\";tag=_token~1'+`*%!-.\n"
            + "Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{\n"
            + "CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~\n"
            + "Max-Forwards: 255\n"
            + "extensionHeader-!.%*+_`'~:\ufeff\u5927\u505c\u96fb\n"
            + "Content-Length: 0\n\n");

    /** §3.1.1.4 Escaped Characters in URIs. */
    static final String ESC01 = crlf("""
            INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0
            To: sip:%75se%72@example.com
            From: <sip:I%20have%20spaces@example.net>;tag=938
            Max-Forwards: 87
            i: esc01.239409asdfakjkn23onasd0-3234
            CSeq: 234234 INVITE
            Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw
            C: application/sdp
            Contact:
              <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
            Content-Length: 150

            """) + SDP;

    /** §3.1.1.5 Escaped NULLs in URIs. */
    static final String ESCNULL = crlf("""
            REGISTER sip:example.com SIP/2.0
            To: sip:null-%00-null@example.com
            From: sip:null-%00-null@example.com;tag=839923423
            Max-Forwards: 70
            Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd
            CSeq: 14398234 REGISTER
            Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bKkdjuw
            Contact: <sip:%00@host5.example.com>
            Contact: <sip:%00%00@host5.example.com>
            L:0

            """);

    /** §3.1.1.6 Message with No LWS between Display Name and {@code <}. */
    static final String LWSDISP = crlf("""
            OPTIONS sip:user@example.com SIP/2.0
            To: sip:user@example.com
            From: caller<sip:caller@example.com>;tag=323
            Max-Forwards: 70
            Call-ID: lwsdisp.1234abcd@funky.example.com
            CSeq: 60 OPTIONS
            Via: SIP/2.0/UDP funky.example.com;branch=z9hG4bKkdjuw
            l: 0

            """);

    /** §3.1.1.7 Long Values in Header Fields. */
    static final String LONGREQ = longreq();

    /** §3.1.1.8 Extra Trailing Octets in a UDP Datagram: only the REGISTER counts. */
    static final String DBLREQ = crlf("""
            REGISTER sip:example.com SIP/2.0
            To: sip:j.user@example.com
            From: sip:j.user@example.com;tag=43251j3j324
            Max-Forwards: 8
            I: dblreq.0ha0isndaksdj99sdfafnl3lk233412
            Contact: sip:j.user@host.example.com
            CSeq: 8 REGISTER
            Via: SIP/2.0/UDP 192.0.2.125;branch=z9hG4bKkdjuw23492
            Content-Length: 0


            INVITE sip:joe@example.com SIP/2.0
            t: sip:joe@example.com
            From: sip:caller@example.net;tag=141334
            Max-Forwards: 8
            Call-ID: dblreq.0ha0isnda977644900765@192.0.2.15
            CSeq: 8 INVITE
            Via: SIP/2.0/UDP 192.0.2.15;branch=z9hG4bKkdjuw380234
            Content-Type: application/sdp
            Content-Length: 150

            """) + SDP;

    /** §3.1.1.9 Semicolon-Separated Parameters in URI User Part. */
    static final String SEMIURI = crlf("""
            OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0
            To: sip:j_user@example.com
            From: sip:caller@example.org;tag=33242
            Max-Forwards: 3
            Call-ID: semiuri.0ha0isndaksdj
            CSeq: 8 OPTIONS
            Accept: application/sdp, application/pkcs7-mime,
                    multipart/mixed, multipart/signed,
                    message/sip, message/sipfrag
            Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKkdjuw
            l: 0

            """);

    /** §3.1.1.10 Varied and Unknown Transport Types. */
    static final String TRANSPORTS = crlf("""
            OPTIONS sip:user@example.com SIP/2.0
            To: sip:user@example.com
            From: <sip:caller@example.com>;tag=323
            Max-Forwards: 70
            Call-ID:  transports.kijh4akdnaqjkwendsasfdj
            Accept: application/sdp
            CSeq: 60 OPTIONS
            Via: SIP/2.0/UDP t1.example.com;branch=z9hG4bKkdjuw
            Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf
            Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj
            Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en
            Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee
            l: 0

            """);

    /** §3.1.1.12 Unusual Reason Phrase (UTF-8). */
    static final String UNREASON = crlf("SIP/2.0 200 = 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e "
            + "\u0434\u0435\u0432\u044f\u043d\u043e\u0441\u0442\u043e \u0434\u0435\u0432\u044f\u0442\u044c - "
            + "\u043f\u0440\u043e\u0441\u0442\u043e\u0435\n" + """
            Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923
            Call-ID: unreason.1234ksdfak3j2erwedfsASdf
            CSeq: 35 INVITE
            From: sip:user@example.com;tag=11141343
            To: sip:user@example.edu;tag=2229
            Content-Length: 150
            Content-Type: application/sdp
            Contact: <sip:user@host198.example.com>

            """) + SDP;

    /** §3.1.1.13 Empty Reason Phrase. */
    static final String NOREASON = crlf("SIP/2.0 100 \n" + """
            Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe
            Call-ID: noreason.asndj203insdf99223ndf
            CSeq: 35 INVITE
            From: <sip:user@example.com>;tag=39ansfi3
            To: <sip:user@example.edu>;tag=902jndnke3
            Content-Length: 0
            Contact: <sip:user@host105.example.com>

            """);

    /** §3.3.x Unknown and novel URI schemes are carried (a UA answers 416; the parser accepts). */
    static final String UNKSCM = crlf("""
            OPTIONS nobodyKnowsThisScheme:totallyopaquecontent SIP/2.0
            To: sip:user@example.com
            From: sip:caller@example.net;tag=384
            Max-Forwards: 3
            Call-ID: unkscm.nasdfasser0q239nwsdfasdkl34
            CSeq: 3923423 OPTIONS
            Via: SIP/2.0/TCP host9.example.com;branch=z9hG4bKkdjuw39234
            Content-Length: 0

            """);

    static final String UNKSM2 = crlf("""
            REGISTER sip:example.com SIP/2.0
            To: isbn:2983792873
            From: <http://www.example.com>;tag=3234233
            Call-ID: unksm2.daksdj@hyphenated-host.example.com
            CSeq: 234902 REGISTER
            Max-Forwards: 70
            Via: SIP/2.0/UDP 192.0.2.21:5060;branch=z9hG4bKkdjuw
            Contact: <name:John_Smith>
            l: 0

            """);

    /** Max-Forwards: 0 parses; what to do with it is the user agent's business. */
    static final String ZEROMF = crlf("""
            OPTIONS sip:user@example.com SIP/2.0
            Call-ID: zeromf.jfasdlfnm2o2l43r5u0asdfas
            CSeq: 39234321 OPTIONS
            From: <sip:caller@example.com>;tag=3ghsd41
            To: <sip:user@example.com>
            Max-Forwards: 0
            Via: SIP/2.0/UDP host1.example.com;branch=z9hG4bKkdjuw2349i
            Content-Length: 0

            """);

    /** The valid messages: each must parse. */
    static Map<String, String> valid() {
        var all = new LinkedHashMap<String, String>();
        all.put("wsinv", WSINV);
        all.put("intmeth", INTMETH);
        all.put("esc01", ESC01);
        all.put("escnull", ESCNULL);
        all.put("lwsdisp", LWSDISP);
        all.put("longreq", LONGREQ);
        all.put("dblreq", DBLREQ);
        all.put("semiuri", SEMIURI);
        all.put("transports", TRANSPORTS);
        all.put("unreason", UNREASON);
        all.put("noreason", NOREASON);
        all.put("unkscm", UNKSCM);
        all.put("unksm2", UNKSM2);
        all.put("zeromf", ZEROMF);
        return all;
    }

    /** §3.1.2 and §3.3 invalid messages, each with the reason it must be refused for. */
    static Map<String, Invalid> invalid() {
        var all = new LinkedHashMap<String, Invalid>();
        all.put("badinv01", new Invalid("malformed Via list", withSdp("""
                INVITE sip:user@example.com SIP/2.0
                To: sip:j.user@example.com
                From: sip:caller@example.net;tag=134161461246
                Max-Forwards: 7
                Call-ID: badinv01.0ha0isndaksdjasdf3234nas
                CSeq: 8 INVITE
                Via: SIP/2.0/UDP 192.0.2.15;;,;,,
                Contact: "Joe" <sip:joe@example.org>;;;;
                Content-Type: application/sdp
                """)));
        all.put("clerr", new Invalid("Content-Length larger than the message", crlf("""
                INVITE sip:user@example.com SIP/2.0
                Max-Forwards: 80
                To: sip:j.user@example.com
                From: sip:caller@example.net;tag=93942939o2
                Contact: <sip:caller@hungry.example.net>
                Call-ID: clerr.0ha0isndaksdjweiafasdk3
                CSeq: 8 INVITE
                Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bK-39234-23523
                Content-Type: application/sdp
                Content-Length: 9999

                """) + SDP));
        all.put("ncl", new Invalid("malformed Content-Length", crlf("""
                INVITE sip:user@example.com SIP/2.0
                Max-Forwards: 254
                To: sip:j.user@example.com
                From: sip:caller@example.net;tag=32394234
                Call-ID: ncl.0ha0isndaksdj2193423r542w35
                CSeq: 0 INVITE
                Via: SIP/2.0/UDP 192.0.2.53;branch=z9hG4bKkdjuw
                Contact: <sip:caller@example53.example.net>
                Content-Type: application/sdp
                Content-Length: -999

                """) + SDP));
        all.put("scalar02", new Invalid("malformed CSeq", crlf("""
                REGISTER sip:example.com SIP/2.0
                Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bK342sdfoi3
                To: <sip:user@example.com>
                From: <sip:user@example.com>;tag=239232jh3
                CSeq: 36893488147419103232 REGISTER
                Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32
                Max-Forwards: 300
                Expires: 1000000000000000000000000000000000000000000000000000000000000000000
                Contact: <sip:user@host129.example.com>;expires=280297596632815
                Content-Length: 0

                """)));
        all.put("quotbal", new Invalid("malformed To", withSdp("""
                INVITE sip:user@example.com SIP/2.0
                To: "Mr. J. User <sip:j.user@example.com>
                From: sip:caller@example.net;tag=93334
                Max-Forwards: 10
                Call-ID: quotbal.aksdj
                Contact: <sip:caller@host59.example.net>
                CSeq: 8 INVITE
                Via: SIP/2.0/UDP 192.0.2.59:5050;branch=z9hG4bKkdjuw39234
                Content-Type: application/sdp
                """)));
        all.put("ltgtruri", new Invalid("malformed Request-URI", withSdp("""
                INVITE <sip:user@example.com> SIP/2.0
                To: sip:user@example.com
                From: sip:caller@example.net;tag=39291
                Max-Forwards: 23
                Call-ID: ltgtruri.1@192.0.2.5
                CSeq: 1 INVITE
                Via: SIP/2.0/UDP 192.0.2.5
                Contact: <sip:caller@host5.example.net>
                Content-Type: application/sdp
                """)));
        all.put("lwsruri", new Invalid("malformed request line", withSdp("""
                INVITE sip:user@example.com; lr SIP/2.0
                To: sip:user@example.com;tag=3xfe-9921883-z9f
                From: sip:caller@example.net;tag=231413434
                Max-Forwards: 5
                Call-ID: lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423
                CSeq: 2130706432 INVITE
                Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKkdjuw2395
                Contact: <sip:caller@host1.example.net>
                Content-Type: application/sdp
                """)));
        all.put("lwsstart", new Invalid("malformed request line", withSdp("""
                INVITE  sip:user@example.com  SIP/2.0
                Max-Forwards: 8
                To: sip:user@example.com
                From: sip:caller@example.net;tag=8814
                Call-ID: lwsstart.dfknq234oi243099adsdfnawe3@example.com
                CSeq: 1893884 INVITE
                Via: SIP/2.0/UDP host1.example.com;branch=z9hG4bKkdjuw3923
                Contact: <sip:caller@host1.example.net>
                Content-Type: application/sdp
                """)));
        all.put("trws", new Invalid("malformed request line", crlf("OPTIONS sip:remote-target@example.com SIP/2.0  \n"
                + """
                Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK299342093
                To: <sip:remote-target@example.com>
                From: <sip:local-resource@example.com>;tag=329429089
                Call-ID: trws.oicu34958239neffasdhr2345r
                Accept: application/sdp
                CSeq: 238923 OPTIONS
                Max-Forwards: 70
                Content-Length: 0

                """)));
        all.put("escruri", new Invalid("headers in the Request-URI", withSdp("""
                INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0
                To: sip:user@example.com
                From: sip:caller@example.net;tag=341518
                Max-Forwards: 7
                Contact: <sip:caller@host39923.example.net>
                Call-ID: escruri.23940-asdfhj-aje3br-234q098w-fawerh2q-h4n5
                CSeq: 149209342 INVITE
                Via: SIP/2.0/UDP host-of-the-hour.example.com;branch=z9hG4bKkdjuw
                Content-Type: application/sdp
                """)));
        all.put("regbadct", new Invalid("malformed Contact", crlf("""
                REGISTER sip:example.com SIP/2.0
                To: sip:user@example.com
                From: sip:user@example.com;tag=998332
                Max-Forwards: 70
                Call-ID: regbadct.k345asrl3fdbv@10.0.0.1
                CSeq: 1 REGISTER
                Via: SIP/2.0/UDP 135.180.130.133:5060;branch=z9hG4bKkdjuw
                Contact: sip:user@example.com?Route=%3Csip:sip.example.com%3E
                l: 0

                """)));
        all.put("badaspec", new Invalid("malformed To", crlf("""
                OPTIONS sip:user@example.org SIP/2.0
                Via: SIP/2.0/UDP host4.example.com:5060;branch=z9hG4bKkdju43234
                Max-Forwards: 70
                From: "Bell, Alexander" <sip:a.g.bell@example.com>;tag=433423
                To: "Watson, Thomas" < sip:t.watson@example.org >
                Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3
                Accept: application/sdp
                CSeq: 3923239 OPTIONS
                l: 0

                """)));
        all.put("baddn", new Invalid("malformed From", crlf("""
                OPTIONS sip:t.watson@example.org SIP/2.0
                Via:     SIP/2.0/UDP c.example.com:5060;branch=z9hG4bKkdjuw
                Max-Forwards:      70
                From:    Bell, Alexander <sip:a.g.bell@example.com>;tag=43
                To:      Watson, Thomas <sip:t.watson@example.org>
                Call-ID: baddn.31415@c.example.com
                Accept: application/sdp
                CSeq:    3923239 OPTIONS
                l: 0

                """)));
        all.put("badvers", new Invalid("unsupported SIP version SIP/7.0", crlf("""
                OPTIONS sip:t.watson@example.org SIP/7.0
                Via:     SIP/7.0/UDP c.example.com;branch=z9hG4bKkdjuw
                Max-Forwards:     70
                From:    A. Bell <sip:a.g.bell@example.com>;tag=qweoiqpe
                To:      T. Watson <sip:t.watson@example.org>
                Call-ID: badvers.31417@c.example.com
                CSeq:    1 OPTIONS
                l: 0

                """)));
        all.put("mismatch01", new Invalid("CSeq method does not match the request method", crlf("""
                OPTIONS sip:user@example.com SIP/2.0
                To: sip:j.user@example.com
                From: sip:caller@example.net;tag=34525
                Max-Forwards: 6
                Call-ID: mismatch01.dj0234sxdfl3
                CSeq: 8 INVITE
                Via: SIP/2.0/UDP host.example.com;branch=z9hG4bKkdjuw
                l: 0

                """)));
        all.put("mismatch02", new Invalid("CSeq method does not match the request method", withSdp("""
                NEWMETHOD sip:user@example.com SIP/2.0
                To: sip:j.user@example.com
                From: sip:caller@example.net;tag=34525
                Max-Forwards: 6
                Call-ID: mismatch02.dj0234sxdfl3
                CSeq: 8 INVITE
                Contact: <sip:caller@host.example.net>
                Via: SIP/2.0/UDP host.example.net;branch=z9hG4bKkdjuw
                Content-Type: application/sdp
                """)));
        all.put("bigcode", new Invalid("malformed status code", crlf("""
                SIP/2.0 4294967301 better not break the receiver
                Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe
                Call-ID: bigcode.asdof3uj203asdnf3429uasdhfas3ehjasdfas9i
                CSeq: 353494 INVITE
                From: <sip:user@example.com>;tag=39ansfi3
                To: <sip:user@example.edu>;tag=902jndnke3
                Content-Length: 0
                Contact: <sip:user@host105.example.com>

                """)));
        all.put("insuf", new Invalid("missing From", crlf("""
                INVITE sip:user@example.com SIP/2.0
                CSeq: 193942 INVITE
                Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf
                Content-Type: application/sdp
                l: 150

                """) + SDP));
        all.put("multi01", new Invalid("more than one From", withSdp("""
                INVITE sip:user@company.com SIP/2.0
                Contact: <sip:caller@host25.example.net>
                Via: SIP/2.0/UDP 192.0.2.25;branch=z9hG4bKkdjuw
                Max-Forwards: 70
                CSeq: 5 INVITE
                Call-ID: multi01.98asdh@192.0.2.1
                CSeq: 59 INVITE
                Call-ID: multi01.98asdh@192.0.2.2
                From: sip:caller@example.com;tag=3413415
                To: sip:user@example.com
                To: sip:other@example.net
                From: sip:caller@example.net;tag=2923420123
                Content-Type: application/sdp
                Contact: <sip:caller@host36.example.net>
                Max-Forwards: 5
                """)));
        return all;
    }

    /** An invalid message and the reason the parser must give. */
    record Invalid(String reason, String message) {
    }

    private static String longreq() {
        var m = new StringBuilder("INVITE sip:user@example.com SIP/2.0\n");
        m.append("To: \"I have a user name of ").append("extreme".repeat(10)).append(" proportion\"")
                .append("<sip:user@example.com:6000;unknownparam1=very").append("long".repeat(20)).append("value;")
                .append("longparam").append("name".repeat(25)).append("=shortvalue;very").append("long".repeat(25))
                .append("ParameterNameWithNoValue>\n");
        m.append("F: sip:").append("amazinglylongcallername".repeat(5)).append("@example.net;tag=12")
                .append("982".repeat(50)).append("424;unknownheaderparam").append("name".repeat(20))
                .append("=unknowheaderparam").append("value".repeat(15)).append(";unknownValueless")
                .append("paramname".repeat(10)).append('\n');
        m.append("Call-ID: longreq.one").append("really".repeat(20)).append("longcallid\n");
        m.append("CSeq: 3882340 INVITE\n");
        m.append("Unknown-").append("Long".repeat(20)).append("-Name:unknown-").append("long".repeat(20))
                .append("-value;unknown-").append("long".repeat(20)).append("-parameter-name =unknown-")
                .append("long".repeat(20)).append("-parameter-value\n");
        String[] names = {"Via", "v", "V", "Via", "ViA", "VIa", "VIA", "via", "viA", "vIa", "vIA", "V ", "v ",
            "V  ", "v  ", "Via ", "Via  "};
        int host = 33;
        for (String name : names) {
            m.append(name).append(name.endsWith(" ") ? ":  " : ": ").append("SIP/2.0/TCP sip").append(host--)
                    .append(".example.com\n");
        }
        while (host >= 1) {
            m.append("Via: SIP/2.0/TCP sip").append(host--).append(".example.com\n");
        }
        m.append("Via: SIP/2.0/TCP host.example.com;received=192.0.2.5;branch=very").append("long".repeat(50))
                .append("branchvalue\n");
        m.append("Max-Forwards: 70\n");
        m.append("Contact: <sip:").append("amazinglylongcallername".repeat(5)).append("@host5.example.net>\n");
        m.append("Content-Type: application/sdp\nl: 150\n\n");
        return crlf(m.toString()) + SDP;
    }
}
