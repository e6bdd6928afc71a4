vcl 4.1;
# Varnish in front of Bochum 2015 (docs/deployment.md). It follows the site's Cache-Control
# (pagecache/contract.py): it keeps what the site marks public for s-maxage, serves it stale for
# stale-while-revalidate while it fetches it anew in the background and for stale-if-error while the
# site fails, and is purged by Wagtail (wagtail.contrib.frontend_cache) when content is published.
#
# site.vcl is the deployment's own: `backend default` (nginx in front of the app nodes, with a probe
# on /healthz), `acl purgers` (the app nodes and the task worker) and `sub site_pass` (return (pass)
# for the admin's path). `make stack` writes one into var/stack/varnish/; deploy/varnish/site.vcl.example
# shows one for a production machine.
import purge;
import std;

include "site.vcl";

sub vcl_recv {
    # Purges come from Wagtail's HTTP backend (one address with the page's Host header) or as a
    # ban of a regular expression over addresses (X-Ban-Url, X-Ban-Host); only from the purgers.
    # A soft purge (X-Purge-Soft: 1) expires the copies but keeps them for stale-if-error.
    if (req.method == "PURGE" || req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.method == "PURGE" && req.http.X-Purge-Soft) {
            # Expire the copies but keep them for stale-if-error (vcl_hit, vcl_miss).
            return (hash);
        }
        if (req.method == "PURGE") {
            return (purge);
        }
        if (!req.http.X-Ban-Url) {
            return (synth(400, "X-Ban-Url missing"));
        }
        # 200 only when the ban was added: the app retries anything else.
        if (req.http.X-Ban-Host) {
            if (!std.ban("obj.http.X-Host == " + req.http.X-Ban-Host + " && obj.http.X-Url ~ " + req.http.X-Ban-Url)) {
                return (synth(400, std.ban_error()));
            }
        } elsif (!std.ban("obj.http.X-Url ~ " + req.http.X-Ban-Url)) {
            return (synth(400, std.ban_error()));
        }
        return (synth(200, "Banned"));
    }
    if (req.restarts == 0) {
        unset req.http.X-Fetch-Now;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    call site_pass;
    # Editors (session), visitors who used a form (CSRF token), one-time messages and credentials
    # get pages made for them; the site marks those private anyway, this spares the cache the lookup.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken|messages)=") {
        return (pass);
    }
    # Addresses without a language prefix (/) redirect by the language cookie: keep it for them.
    if (req.http.Cookie ~ "(^|;\s*)django_language=" && req.url !~ "^/(de|en)/") {
        return (pass);
    }
    # Any other cookie (set by scripts in the browser) changes no page.
    unset req.http.Cookie;
    # Beyond stale-while-revalidate a healthy site is asked at once (vcl_hit restarts with no grace).
    if (req.http.X-Fetch-Now) {
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_hit {
    if (req.method == "PURGE") {
        purge.soft(0s);
        return (synth(200, "Soft-purged"));
    }
    if (obj.ttl >= 0s) {
        return (deliver);
    }
    # Expired: within stale-while-revalidate, or while the site fails (stale-if-error), the old copy
    # is served while Varnish fetches a new one in the background.
    if (!std.healthy(req.backend_hint)) {
        return (deliver);
    }
    if (obj.ttl + std.duration(obj.http.X-Stale-While-Revalidate + "s", 0s) >= 0s) {
        return (deliver);
    }
    if (req.restarts == 0) {
        set req.http.X-Fetch-Now = "1";
        return (restart);
    }
    return (deliver);
}

sub vcl_miss {
    if (req.method == "PURGE") {
        purge.soft(0s);
        return (synth(200, "Soft-purged"));
    }
}

sub vcl_backend_fetch {
    unset bereq.http.X-Fetch-Now;
}

sub vcl_backend_response {
    # For bans in the background (ban lurker): the object's address and host.
    set beresp.http.X-Url = bereq.url;
    set beresp.http.X-Host = bereq.http.host;
    if (bereq.is_bgfetch && beresp.status >= 500) {
        # Keep the stale copy rather than an error.
        return (abandon);
    }
    # Keep the object for stale-if-error (the grace), and note stale-while-revalidate for vcl_hit.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1") + "s", 0s);
    } else {
        set beresp.grace = 0s;
    }
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.http.X-Stale-While-Revalidate = regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1");
    } else {
        set beresp.http.X-Stale-While-Revalidate = "0";
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Url;
    unset resp.http.X-Host;
    unset resp.http.X-Stale-While-Revalidate;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}

sub vcl_synth {
    set resp.http.X-Cache = "SYNTH";
}
