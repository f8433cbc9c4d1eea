// Medication List: the patient's medications as a table and as a timeline of prescriptions and fills.
Apps.start(function () {
    return SMART.get_medications().then(function (r) {
        var meds = Apps.of(r, 'Medication').map(function (m) {
            var fills = Apps.all(m.fulfillment).map(function (f) {
                return {date: Apps.date(f.date), days: parseInt(Apps.one(f.dispenseDaysSupply), 10) || 0};
            }).filter(function (f) { return f.date; }).sort(function (a, b) { return a.date < b.date ? -1 : 1; });
            return {
                name: Apps.title(m.drugName) || '(unnamed)',
                rxnorm: Apps.code(m.drugName),
                instructions: Apps.one(m.instructions) || '',
                start: Apps.date(m.startDate),
                end: Apps.date(m.endDate),
                fills: fills
            };
        }).sort(function (a, b) { return a.name.localeCompare(b.name); });
        if (meds.length === 0) {
            Apps.empty('No medications are recorded for this patient.');
            return;
        }
        Apps.show(Apps.tabs([
            {label: 'Table', id: 'table', render: function () { return table(meds); }},
            {label: 'Timeline', id: 'timeline', render: function () { return timeline(meds); }}
        ]));
    });

    function table(meds) {
        return Apps.el('div', {},
            Apps.table('medications', ['Medication', 'RxNorm', 'Instructions', 'Started', 'Ended', '#Fills', 'Last fill'],
                meds.map(function (m) {
                    var last = m.fills[m.fills.length - 1];
                    return [m.name, m.rxnorm, m.instructions, m.start, m.end || '\u2014', String(m.fills.length),
                        last ? last.date + (last.days ? ' (' + last.days + ' days)' : '') : '\u2014'];
                })),
            Apps.el('p', {'class': 'note'}, meds.length + ' medication' + (meds.length === 1 ? '' : 's') + '.'));
    }

    function timeline(meds) {
        var today = Date.now();
        var bars = meds.map(function (m, i) {
            var from = m.start ? Apps.time(m.start) : (m.fills[0] ? Apps.time(m.fills[0].date) : today);
            var lastFill = m.fills[m.fills.length - 1];
            var to = m.end ? Apps.time(m.end) : lastFill ? Apps.time(lastFill.date) + lastFill.days * 86400000 : from + 86400000 * 30;
            return {x: [from, Math.max(to, from + 86400000)], y: i};
        });
        var fills = [];
        meds.forEach(function (m, i) {
            m.fills.forEach(function (f) { fills.push({x: Apps.time(f.date), y: i}); });
        });
        var labels = meds.map(function (m) { return m.name.length > 40 ? m.name.substring(0, 38) + '\u2026' : m.name; });
        var times = [];
        bars.forEach(function (b) { times.push(b.x[0], b.x[1]); });
        var margin = Math.max(30 * 86400000, (Math.max.apply(null, times) - Math.min.apply(null, times)) * 0.03);
        var box = Apps.chart('timelineChart', {
            data: {
                datasets: [
                    {type: 'bar', label: 'Prescribed (start to end or last fill\u2019s supply)', data: bars, indexAxis: 'y',
                        backgroundColor: 'rgba(31, 111, 235, 0.35)', borderColor: '#1f6feb', borderWidth: 1, barPercentage: 0.6},
                    {type: 'scatter', label: 'Dispensed', data: fills, backgroundColor: '#cf222e', pointRadius: 4, pointStyle: 'triangle'}
                ]
            },
            options: {
                indexAxis: 'y',
                parsing: {xAxisKey: 'x', yAxisKey: 'y'},
                scales: {
                    x: {type: 'linear', beginAtZero: false, min: Math.min.apply(null, times) - margin,
                        max: Math.max.apply(null, times) + margin, ticks: {callback: Apps.dateLabel, maxTicksLimit: 8}},
                    y: {type: 'linear', reverse: true, min: -0.5, max: meds.length - 0.5,
                        afterBuildTicks: function (axis) { axis.ticks = labels.map(function (l, i) { return {value: i}; }); },
                        ticks: {autoSkip: false, callback: function (v) { return labels[v] || ''; }}}
                },
                plugins: {tooltip: {callbacks: {label: function (c) {
                    var x = c.raw.x;
                    return meds[c.raw.y].name + ': ' + (Array.isArray(x) ? Apps.dateLabel(x[0]) + ' \u2013 ' + Apps.dateLabel(x[1]) : 'filled ' + Apps.dateLabel(x));
                }}}}
            }
        });
        box.style.height = Math.max(240, 60 + meds.length * 34) + 'px';
        return box;
    }
});
