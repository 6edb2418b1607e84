namespace FintechCrypto.Tests.Contract;

/// <summary>
/// Fixed RSA test keys for the larger moduli. Generating an RSA-3072 or RSA-4096 key takes from under a second to
/// many seconds (the prime search is random, and slower on a loaded machine); the contract tests need a key of each
/// size, not a fresh one, so <see cref="Registry.SharedKey(SignatureAlgorithm)"/> imports these. Not secret: test data.
/// </summary>
public static class TestKeys
{
    /// <summary>An RSA-3072-bit key (PKCS#8 PEM, made once with `openssl genpkey`), for tests only.</summary>
    public const string Rsa3072Pkcs8Pem = """
        -----BEGIN PRIVATE KEY-----
        MIIG/wIBADANBgkqhkiG9w0BAQEFAASCBukwggblAgEAAoIBgQCwgP8ShbTSboVV
        c21A5Nd8S4TRCCE3i9ZWmYxOvik5+Xc9C2sSGOfCdm6NilbEJCGsw0AGkXgDiYBG
        wDH6CP5WThxPSteqtkAi2MsyNa2DcE9U3C/87DJ/yAw/8lwfuU6YVnvcT4uRveGE
        dNxynS+eB8kGCkEZvOCFi37/CSOROC4Cy26WNGJBu6wMeRT86AaCjNSpmWH0aLMq
        O1J5i2BdBYAANY+u39vd7inu96kfTPfn5BG7as/8xTFgKueUoUlgKdgN5m15UdEg
        +YKSQh7Y84yTN6WKN0mBb2k/lJFalsvUBO6aLBmCvMXR8tm9wzGdGXX0wXih9ssG
        a8Q7WpsPJVgCD08bgzU6zd6dzzAuVokg8yUqUuileCGy+t+IRtUw6qtkh/1jYntj
        Tql95+/Jv3GUIwOtHjW9YewXSUwNcoJpZQ/eaQSGGC3+K697FYdEACHMwIq4lhAA
        Axo7ECk7uRkkVT8lTMhGDJYkVXDj0ml6yLhigPfauKriGwli+YkCAwEAAQKCAYAE
        aC7Lje5riU+SSEqEYfJba8tKKNN40+irIDRXoaSH37RcICqGjiajPVpvSvKgUm1L
        fKiJlseSAbSOj61FGpphxJuCWKe1NHhk0QLpzbCiZS3QkZrads9KpM+20lyofMj7
        QWrgSlV9cxSWvmWOsGFdpxYcLNSz9CUAUJuqzytF10rsI5uEQT8+zZUdzpwj4Gs2
        hpZSEb6stTyGo7/gbFwglnWRYRpQTyM/PFDBuF9O+m3/f+X4HFJLHmVS4F9d36pZ
        mWBA7oLmiRHjKMtfxReCmyiXuEA3cmrDKMm/v+cjL0detd/h8NjfuKUodcEAEmOE
        kCsveY0lKJIdpanYPb0voTH0v+fil3hfyOJJ7qxwy08uudVpZY2tptCK+fmXWFJM
        jdqAjMHC3218EhQ9y1VopVJTr22CsSs/SCG751pfliJqh1k4mBJ64QqbCz53twkm
        DQXUSrOqoheybArb5VJwjG1ihjty5+nrB39K2L3jO260EuEB6o9Z0WvQfmVbG/0C
        gcEA+N4bedI6NJWJmtD6JH9oMMbhhxuC+3/a3DB0YgayTZuWUw0Gnqi8gSCLtMoc
        KCY4sRnZWBPlWxUG1ttBUQS9Gc451LYcs08CP5RgBoaB9gfeQSISWt4LvGaCyYav
        qSLNQxjF9rLsFsazuHJnhvtMt2ldQ2ytMCPecSr96BejNPN8oaLdF3ftakjNfBlx
        mRC7+01UCNRjfSBM5kay9APTr0CUrcz2atsJsAw8gj70GU2Ry+tDiiMyR5fYRa0q
        niW7AoHBALWP+IB0mRvAOo4igSTV3E2/YnmLEO0ckZl6eRVof3/1BVHW6EWoyIBA
        W/E2EiU5HmyzC0asVL5LsMCS1VNtye11UytWEqy5cgq5glKBTuwoFK3oT3nVRmBB
        uVUCNFvKcTzNTFxFCQNp6+/5XDciXvfVo+7Qici/oW910dyg2aqulQjTSk4rsb0G
        lEdf99pg2808FDjB+JxWroaB89Q9WqCfA47Xc11ag3UvzsInej1nzjePoyIsPZAW
        Sz7J4n8niwKBwQDuWkuWcXKtykrwrBXnvt7bWJ/H9uGMXvgOy5msCR3clpdzE5az
        foiMY89qZ+hvy6ugc1FmuieBBLJ4NaZpIlC61nks8P6r/Y/5tPIDTfBK415Ko4dQ
        4Dn9R3Eb8pNrOpm9GY0AqnzTk5utnGTrMuRXBeL9IKj+4lu5p6NnFryJimpjpMh8
        IbCRiwjDQts57n0cQwOpMUHYJYeBRVU/wCqOPxwnGZco4IB2zEFnvUOsuE5bMAiP
        1QXi69uHYELhFOECgcEAgYYIsJL9mweCfl1tJfsPI8PRm4Wy+IR19jih4rzeoEkK
        l3ypzPAAwUWokaaSQU3DP6Zm9+7+sZbLrEXTu6XJ9QXK5FKOFfxht/bpWrR2uhBJ
        2FqvP+n/P7IDZfqhoY4FRGvs+rIhIPdSYqrQt2BkwYb+YOMSOE1E/H/fy/ZP8eyD
        03zwOF4BeSkVZOm4pmiMxZgDkQ4HrnhEHx7b9GAkpAtsfV2EJmfo+hO1+1owYVgJ
        jCeDKGDJNl5BJbTeSPnLAoHBAMbmvMY9ugVxLzgdjjFg+/v0Lz10cHfnd3I/ewK8
        V8u1JBnsAay0H89xDbej7jJpVYJ4ibOZGtW9ku2f0h6DCxh80UPlvrNWY1vlRQgD
        CB4YANVg7be5tpsloCu5TYcX2nmXawpq+KeAxO0aNxA81REFqD5ELLKxtKxSV0oV
        5kxW0HMEixdLshNNTGfunGkGNyWR4TQNvpOtjPrZTBJSPCbz0mCj4Dj5Q8Q2sAxD
        Oxzdlo6ecFeh0zvEbWSK9ZQWIg==
        -----END PRIVATE KEY-----
        """;

    /// <summary>An RSA-4096-bit key (PKCS#8 PEM, made once with `openssl genpkey`), for tests only.</summary>
    public const string Rsa4096Pkcs8Pem = """
        -----BEGIN PRIVATE KEY-----
        MIIJQgIBADANBgkqhkiG9w0BAQEFAASCCSwwggkoAgEAAoICAQCySc5u/Dmf+ntK
        6rk19Ycv1osLg5abNSDLCplNGQ3pmwcTG0/nXoGsJibi9dA33TEgcI3WmqBupSHq
        zVuuwI5WAhIruXnOVqUspcqePeX9VJXwyNdV0qMN0DHE1gf0s761hdDoxtPRLKOY
        /ZsfZ5fapRPugvya6y5zbxX9Mi9DwcM2MyLAJIXQYpuVycb13ku/2sMbawMnO06O
        7Uruod1eRLYSs6OmEzK2zsNMfbTniiJ7VAnt4Zi8dHXv5ED4HDyMHwI8ZgSBwJAG
        LGbXZ//ZHpRKy2XXTsbwG9BoZNXBXSTCMxWmdADXK4Ci1E0fPybrwMaqiiiIWJFC
        nTC+clf+oe5na744gKrLp+5dWdSPT6CAZGjkjqhVZ4bnhjqaH7dGUa3hnrQnOT45
        pjsjT0XFiiyp15PIY3iqES0qMuJUXUlIPayny2D+2o4nG+WTgRTkRKSKkmdWNKnF
        vD/luZZEK5umXlFkwxRpD7a2bcSVsnr06be79o36kYzpOx3Iuuu4oQaMgv20RqMt
        tyhxlWHtN1LyfFBxVJ4WtnPIofMIj6urRtnOxbCzeyHTLp0SOTE+aITA9BZIiJrU
        hZW1GVRjmaziTnEQmyannuap1WfphX4nGj5jbbFZy5mDx1YofzKxhT5HHTb1VoDB
        qFsfyq/GCCEGrq5yN0fATo1Mou9LrwIDAQABAoICAAF9hslnDVpDf0Kt5J90A83I
        EYB7+Jx9Mgl7IgiYHtrRjhpq84eKbYi8BujbHNhNXortYJonJRPXszQMbxRDuCI1
        lo5MA3Ml8UUxcO39Xs330OBi5WiVFVeDt9lz3+bRQSpbnyvwTDam6gqDhYeagj/0
        ek6s70yiOPtZCzTYdbcEyHYhsPbXN1EkdIrTgCNvrhrBSuPl80WhhB4YvglxoUaX
        n3Ks6BTMJfPg6uwERFNdKb2ggwwR2IjWwQz2JP7jSYmdpr33glkipsbjxHZPgGmB
        t8P09aR6Ru/HOROY/YUbcLe43UOiG5xbg5HuNrjTT9F6Wo7JZIkDPdpHMxrxx2ou
        EUMve/D6WYc8i7H7skmo7MGwwparzqrMQddBTnsOh6c/Ge6UowDqSnGM24Sk0Q5r
        /Psdx2gy/V4HtaMGsPphSOuqAhKEQENiN3M4hdY35ezA1qUKYyG3kHAyn2tKu1eZ
        wlTh1sknCuTRAZ/UlqSFWDD8DO6Uq+9EyRIIXVMQ+1pAFCpHhdX8DwtMkYeCPNIL
        YODDsdNpBFPlpf/2odOMQSbGveKGRiTOdOwqwzHYTPq/E24ug/ySx0DLBPDl7PQh
        h3UiXzmPAK9bzB86sUyXWAHy9WKmmlTpPpuXJqOracSj3B8HODnWTQQ8M/wE7XZ0
        YUuypDJCjRj8kuNedbTVAoIBAQDtUEbfdS5BRiDsh+ye0OShg9RR7Ez7id13udtm
        x5mHwLgQafKQTR2Hm0bFbFVliYNDTeIvWaw7k1n6qMsRG+CTeasQXGpzZJxic/4h
        uq8pWeQ5ZI+RjDVrXNsKBRQZbL6hSDHutCOK+sxkt9qZcAbfsOlQAIWnRMtJVAMr
        OD6OwTCdwOpAzLs4uEOQEO5fGydiWouxTWI+Rk6XjQiQsiSOUbEnOW48zknE24tT
        CPoT77Pvet66h1FlCVBF4q/n5E2j0fDdrtm3SXlhNXZoRy0Nocogkh9/zF1wv3Mr
        8+hMGFxDo7gczL9qkKJDunn2jP2s+kd2SQTmAsOsKSdtn5IDAoIBAQDAU7V//51P
        R0PQickZl8nju/dMiNoOo3FaH6zNt9YkhVdOf/lh7l+d16vxNYflW7qVp6sH2xp9
        nQdPSxh+r+kwtYwTgG/41qBlLTFSxWBMwo/ZEDeUwJlpqnyykIeREXTTfUok2K7h
        UTVJW8Vgr/DiME6fSMqMumA+y7blSKN/OhPEJhRsqUxIPP3N6ylJ55/PZiYxxlbj
        /1jqYPk/2P0zkgm//T6U4KlzbBLjlk1/St1kUS5/QzjTbjPTGXl0zDHFwqUx+Sdw
        35T58YT6ZMA3t58dB/W9nY+YXsanRTTh0pQMNcDD2/h1s+cPKmViC9zBwvFn9Dtb
        YgT3L5nyh+XlAoIBAB4kSBwxwgJAagYg7Yjud1ucZudQ4CZCyIJgdOGFEJcRf092
        ZXy2jr2el0qUC/StlqKBzey9swaOHKudrM0rgUa5+WRGmK63ZLWMjgays3TJGhfA
        EgwmhtJwJNIM+xSPn1bU2KK89pa8bCGOyJEcjYLz8W5b4p3wOvHBXfWrWya+mvIu
        gpJgbpcxsEMoI16pEEOJxJxse8H1JB5Tp3bZaZM6BQo6XSoT+YKrb/LH/RtzIqOU
        M531ef0fRbbaqAUIFmRsUe+WOcjx6BzUsYllIO/OUOH6LU4KIwQjDPnULPkdTvq4
        XLYru1RJspJvqPYLylyiHVmExL6CM2A2ie9+iQkCggEAPU0xJ8g4wuErK1gPojmw
        Xwc1js57+nh8E8bO1I9JEUDzEBFYUq+hCHWK14pBc4imUzcrG4jpy6n2f36nIxI8
        2Iq1SC4DAqSeYUFjXEePJ0hIg15Y6O/utjBiKKRKoaGXxCVGMbJjI2w3+NbodaX+
        uIm/NaQE85AgR0O1WyWo/09qp3Wfwva/WrMeDrlq4qSSWo/rkqfuYCOump4oNAKc
        ygg9VVWJ0fg96o1DBAmPUAhzwprhoCyz+yhAGoQfI2xGXQtqjiAlQyPwny4tPYZJ
        gjjj3WQBHtwOvflPhldXwLbW+4FSnNsLObEK79mKkRLI3XWeboz5MmpuvL8OabCJ
        RQKCAQEAx+PdiVOnlEyeHgJN3OlC7d4R6X5WABi3B5uikhM3lvQ7MQ5VPfd5Xa9y
        m+OKk7lHhKfEbc5vaSs+oOpnfFasCGl/BTcbLRjOTvOwoqCIAjvZiYvZElxxRa4w
        hfDXq4oR9CnUw6B7iuYkSambztjGOymgP+F06+3YBWQ5SLlaSeKzjwr+4+OGycSU
        dmL/IOrQdm2oH8I3Ef14mE6VPyq6PMni2QzcJUDmcqvqUDAQBYuVooIVwGDdrB63
        PUFzzHm9e8jq+2s3SBJJFbFSBx3c0g9ltZJphzVxfzubpd+7hZVjeWBhTwZheCKg
        9bVReFKG6PABZn8DNUydZghqsTuBsw==
        -----END PRIVATE KEY-----
        """;
}
