using System.Text.Json;
using Microsoft.Playwright;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// Telegram's side of a Mini App, for a page opened in a plain browser: the <c>window.Telegram.WebApp</c> that Telegram's
/// telegram-web-app.js would make, put in before the page's own scripts run (an init script, see
/// <see cref="Browser.OpenAsync"/>). <see cref="BrowserTab"/> answers the real telegram-web-app.js with an empty script,
/// so a page that includes it keeps this one.
/// </summary>
/// <remarks>
/// Like the real one it sets the theme's CSS variables on the root element (<c>--tg-theme-bg-color</c>, …,
/// <c>--tg-color-scheme</c>, <c>--tg-viewport-height</c>). Every method the page calls is written down in
/// <c>window.Telegram.WebApp.calls</c> as <c>{ name, args }</c> (<see cref="CallsAsync"/>): a test can insist the page
/// said <c>ready()</c> or asked for a confirmation. <c>showConfirm</c> answers <paramref name="confirm"/>, <c>showAlert</c>
/// and <c>showPopup</c> call back at once.
/// </remarks>
public static class TelegramWebApp
{
    /// <summary>Telegram's light theme (Android), as themeParams.</summary>
    public static readonly IReadOnlyDictionary<string, string> Light = new Dictionary<string, string>
    {
        ["bg_color"] = "#ffffff",
        ["text_color"] = "#000000",
        ["hint_color"] = "#999999",
        ["link_color"] = "#2481cc",
        ["button_color"] = "#2481cc",
        ["button_text_color"] = "#ffffff",
        ["secondary_bg_color"] = "#efeff3",
        ["header_bg_color"] = "#ffffff",
        ["accent_text_color"] = "#2481cc",
        ["section_bg_color"] = "#ffffff",
        ["section_header_text_color"] = "#6d6d72",
        ["subtitle_text_color"] = "#999999",
        ["destructive_text_color"] = "#ff3b30",
    };

    /// <summary>Telegram's dark theme (Android), as themeParams.</summary>
    public static readonly IReadOnlyDictionary<string, string> Dark = new Dictionary<string, string>
    {
        ["bg_color"] = "#212121",
        ["text_color"] = "#ffffff",
        ["hint_color"] = "#aaaaaa",
        ["link_color"] = "#8774e1",
        ["button_color"] = "#8774e1",
        ["button_text_color"] = "#ffffff",
        ["secondary_bg_color"] = "#181818",
        ["header_bg_color"] = "#212121",
        ["accent_text_color"] = "#8774e1",
        ["section_bg_color"] = "#212121",
        ["section_header_text_color"] = "#aaaaaa",
        ["subtitle_text_color"] = "#aaaaaa",
        ["destructive_text_color"] = "#ff595a",
    };

    /// <summary>The init script that makes <c>window.Telegram.WebApp</c>.</summary>
    /// <param name="initData">The raw initData query string, as Telegram signs it (an empty string when opened outside Telegram).</param>
    /// <param name="colorScheme">"light" or "dark".</param>
    /// <param name="themeParams"><see cref="Light"/> or <see cref="Dark"/> when null, after <paramref name="colorScheme"/>.</param>
    /// <param name="platform">What Telegram reports: "android", "ios", "tdesktop", "weba"…</param>
    /// <param name="confirm">What the user answers to every showConfirm.</param>
    public static string Script(string initData, string colorScheme = "light", IReadOnlyDictionary<string, string>? themeParams = null,
        string platform = "android", bool confirm = true)
    {
        if (colorScheme is not ("light" or "dark"))
        {
            throw new ArgumentOutOfRangeException(nameof(colorScheme), colorScheme, "Telegram's colour schemes are light and dark");
        }

        var theme = themeParams ?? (colorScheme == "dark" ? Dark : Light);
        var settings = JsonSerializer.Serialize(new { initData, colorScheme, themeParams = theme, platform, confirm });
        return "(() => {\nconst settings = " + settings + ";\n" + Body + "\n})();";
    }

    /// <summary>What the page called on <c>window.Telegram.WebApp</c>, in order, as "name" or "name(arg, …)" with JSON arguments.</summary>
    public static Task<string[]> CallsAsync(IPage page) =>
        page.EvaluateAsync<string[]>(
            "() => (window.Telegram?.WebApp?.calls ?? []).map(c => c.args.length ? `${c.name}(${c.args.map(a => JSON.stringify(a)).join(', ')})` : c.name)");

    // Plain JavaScript, kept to what Telegram's object has that a board would touch; a call to anything else fails
    // loudly in the page (and so in BrowserTab.Errors) rather than doing nothing.
    private const string Body =
        """
        const calls = [];
        const note = (name, args) => calls.push({ name, args: [...args].filter(a => typeof a !== 'function') });
        const handlers = {};
        const parse = raw => {
          const unsafe = {};
          for (const [key, value] of new URLSearchParams(raw)) {
            try { unsafe[key] = ['user', 'receiver', 'chat'].includes(key) ? JSON.parse(value) : value; } catch { unsafe[key] = value; }
          }
          if (unsafe.auth_date) unsafe.auth_date = Number(unsafe.auth_date);
          return unsafe;
        };
        const button = name => {
          const b = {
            text: '', color: settings.themeParams.button_color, textColor: settings.themeParams.button_text_color,
            isVisible: false, isActive: true, isProgressVisible: false,
            setText(text) { note(name + '.setText', arguments); b.text = text; return b; },
            setParams(p) { note(name + '.setParams', arguments); Object.assign(b, p.text !== undefined ? { text: p.text } : {}); return b; },
            show() { note(name + '.show', arguments); b.isVisible = true; return b; },
            hide() { note(name + '.hide', arguments); b.isVisible = false; return b; },
            enable() { note(name + '.enable', arguments); b.isActive = true; return b; },
            disable() { note(name + '.disable', arguments); b.isActive = false; return b; },
            showProgress() { note(name + '.showProgress', arguments); b.isProgressVisible = true; return b; },
            hideProgress() { note(name + '.hideProgress', arguments); b.isProgressVisible = false; return b; },
            onClick(cb) { note(name + '.onClick', arguments); b._click = cb; return b; },
            offClick(cb) { note(name + '.offClick', arguments); b._click = null; return b; },
          };
          return b;
        };
        const setCss = () => {
          const root = document.documentElement;
          if (!root) return false;
          for (const [key, value] of Object.entries(settings.themeParams)) {
            root.style.setProperty('--tg-theme-' + key.split('_').join('-'), value);
          }
          root.style.setProperty('--tg-color-scheme', settings.colorScheme);
          root.style.setProperty('--tg-viewport-height', window.innerHeight + 'px');
          root.style.setProperty('--tg-viewport-stable-height', window.innerHeight + 'px');
          return true;
        };
        const webApp = {
          initData: settings.initData,
          initDataUnsafe: parse(settings.initData),
          version: '8.0',
          platform: settings.platform,
          colorScheme: settings.colorScheme,
          themeParams: { ...settings.themeParams },
          isExpanded: false,
          viewportHeight: window.innerHeight,
          viewportStableHeight: window.innerHeight,
          headerColor: settings.themeParams.header_bg_color,
          backgroundColor: settings.themeParams.bg_color,
          isClosingConfirmationEnabled: false,
          isVerticalSwipesEnabled: true,
          calls,
          ready() { note('ready', arguments); },
          expand() { note('expand', arguments); webApp.isExpanded = true; },
          close() { note('close', arguments); },
          isVersionAtLeast(version) { return parseFloat(version) <= 8.0; },
          setHeaderColor(color) { note('setHeaderColor', arguments); webApp.headerColor = color; },
          setBackgroundColor(color) { note('setBackgroundColor', arguments); webApp.backgroundColor = color; },
          enableClosingConfirmation() { note('enableClosingConfirmation', arguments); webApp.isClosingConfirmationEnabled = true; },
          disableClosingConfirmation() { note('disableClosingConfirmation', arguments); webApp.isClosingConfirmationEnabled = false; },
          disableVerticalSwipes() { note('disableVerticalSwipes', arguments); webApp.isVerticalSwipesEnabled = false; },
          enableVerticalSwipes() { note('enableVerticalSwipes', arguments); webApp.isVerticalSwipesEnabled = true; },
          onEvent(event, cb) { note('onEvent', arguments); (handlers[event] ??= []).push(cb); },
          offEvent(event, cb) { note('offEvent', arguments); handlers[event] = (handlers[event] ?? []).filter(h => h !== cb); },
          sendData(data) { note('sendData', arguments); },
          openLink(url) { note('openLink', arguments); },
          openTelegramLink(url) { note('openTelegramLink', arguments); },
          showAlert(message, cb) { note('showAlert', arguments); cb?.(); },
          showConfirm(message, cb) { note('showConfirm', arguments); cb?.(settings.confirm); },
          showPopup(params, cb) { note('showPopup', arguments); cb?.(params.buttons?.[0]?.id ?? ''); },
          MainButton: button('MainButton'),
          SecondaryButton: button('SecondaryButton'),
          BackButton: {
            isVisible: false,
            show() { note('BackButton.show', arguments); this.isVisible = true; return this; },
            hide() { note('BackButton.hide', arguments); this.isVisible = false; return this; },
            onClick(cb) { note('BackButton.onClick', arguments); return this; },
            offClick(cb) { note('BackButton.offClick', arguments); return this; },
          },
          HapticFeedback: {
            impactOccurred(style) { note('HapticFeedback.impactOccurred', arguments); return this; },
            notificationOccurred(type) { note('HapticFeedback.notificationOccurred', arguments); return this; },
            selectionChanged() { note('HapticFeedback.selectionChanged', arguments); return this; },
          },
        };
        window.Telegram = { ...(window.Telegram ?? {}), WebApp: webApp };
        if (!setCss()) document.addEventListener('DOMContentLoaded', setCss, { once: true });
        """;
}
