#include "demo/DemoNames.h"

#include "demo/DemoGeography.h"

#include <QStringList>
#include <cstring>

namespace fieldops::demo {

namespace {

const char *const kFirstNames[] = {
    "Ana", "Maria", "Juliana", "Fernanda", "Patrícia", "Aline", "Camila", "Amanda", "Bruna", "Letícia",
    "Beatriz", "Larissa", "Gabriela", "Mariana", "Vanessa", "Renata", "Tatiane", "Priscila", "Carla", "Simone",
    "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos",
    "Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo",
    "Manoel", "Mateus", "André", "Fernando", "Fábio", "Leonardo", "Gustavo", "Guilherme", "Leandro", "Tiago",
    "Anderson", "Ricardo", "Márcio", "Jorge", "Sebastião", "Alexandre", "Roberto", "Edson", "Diego", "Vitor",
    "Sérgio", "Cláudio", "Wellington", "Adriano", "Sandro", "Reginaldo", "Cícero", "Valdir", "Josué", "Thiago"};

const char *const kSurnames[] = {
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
    "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
    "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
    "Cardoso", "Ramos", "Gonçalves", "Santana", "Teixeira", "Araújo", "Campos", "Batista", "Moura", "Correia",
    "Cavalcanti", "Monteiro", "Pinto", "Reis", "Farias", "Cunha", "Azevedo", "Borges", "Tavares", "Nogueira"};

const char *const kPlaceWords[] = {
    "Jardim das Acácias", "Solar dos Ipês", "Villa Toscana", "Parque das Flores", "Maison Versailles",
    "Mirante do Vale", "Recanto Verde", "Torre de Lisboa", "Ilha de Capri", "Bosque dos Jequitibás",
    "Portal do Sol", "Vista Bella", "Morada dos Pássaros", "Palazzo Reale", "Jardim Europa", "Alto da Boa Vista",
    "Saint Germain", "Praça das Palmeiras", "Brisa do Mar", "Chácara dos Lagos", "Vivendas do Campo",
    "Monte Carlo", "Grand Ville", "Residencial Aurora", "Terra Nova", "Ouro Preto", "Esplanada", "Primavera"};

const char *const kSaints[] = {"São Lucas", "Santa Catarina", "São Camilo", "Santa Isabel", "São Luiz",
                               "Santa Paula", "São Cristóvão", "Santa Marcelina", "São José", "Nossa Senhora de Fátima"};

const char *const kBrandWords[] = {"Bom Preço", "Pão Dourado", "Nova Era", "Boa Vista", "Estrela", "Horizonte",
                                   "Paulista", "Bandeirantes", "Imperial", "Central", "Real", "Tropical", "Aliança",
                                   "Progresso", "Vitória", "Continental", "Primor", "Sabor da Terra", "Ponto Certo"};

const char *const kStreets[] = {
    "Rua Augusta", "Rua Tiradentes", "Rua das Flores", "Avenida Brasil", "Rua Sete de Setembro", "Rua Quinze de Novembro",
    "Rua Dom Pedro II", "Avenida Paulista", "Rua Bela Cintra", "Rua dos Pinheiros", "Rua Voluntários da Pátria",
    "Avenida Sapopemba", "Rua Maria Antônia", "Alameda Santos", "Rua Cardeal Arcoverde", "Rua Domingos de Morais",
    "Avenida Ibirapuera", "Rua Tuiuti", "Rua Coronel Oscar Porto", "Rua da Mooca", "Avenida Celso Garcia",
    "Rua Pamplona", "Rua Teodoro Sampaio", "Avenida Santo Amaro", "Rua Vergueiro", "Rua Oscar Freire",
    "Avenida Rebouças", "Rua Clélia", "Rua Guaipá", "Rua Heitor Penteado", "Avenida Jabaquara", "Rua Apeninos",
    "Rua Marechal Deodoro", "Avenida Industrial", "Rua Santo André", "Avenida Kennedy", "Rua Jurubatuba",
    "Avenida Goiás", "Rua Alfredo Pujol", "Avenida Luiz Dumont Villares", "Rua Voluntários da Franca",
    "Rua Serra de Bragança", "Avenida Aricanduva", "Rua Azevedo Soares", "Avenida Itaquera"};

template <typename T, std::size_t N>
const T &pickFrom(DemoRandom &rng, const T (&a)[N])
{
    return a[rng.below(int(N))];
}

QString neighbourhoodLabel(const Neighbourhood &n)
{
    // ABC neighbourhoods called "Centro" read better with their city.
    if (std::strcmp(n.name, "Centro") == 0)
        return QString::fromUtf8(n.city);
    return QString::fromUtf8(n.name);
}

// A plausible domain: the distinctive words of the name (not "Condomínio", "Edifício" …)
// folded to lower-case ASCII, whole words only, kept short.
QString domainFor(const QString &company)
{
    static const QStringList generic{
        QStringLiteral("condominio"), QStringLiteral("edificio"), QStringLiteral("residencial"),
        QStringLiteral("corporativo"), QStringLiteral("torre"), QStringLiteral("business"), QStringLiteral("center"),
        QStringLiteral("hospital"), QStringLiteral("clinica"), QStringLiteral("supermercado"),
        QStringLiteral("hipermercado"), QStringLiteral("colegio"), QStringLiteral("escola"), QStringLiteral("estadual"),
        QStringLiteral("professor"), QStringLiteral("hotel"), QStringLiteral("restaurante"), QStringLiteral("padaria"),
        QStringLiteral("drogaria"), QStringLiteral("academia"), QStringLiteral("fitness"), QStringLiteral("ltda"),
        QStringLiteral("industria"), QStringLiteral("comercio"), QStringLiteral("data"), QStringLiteral("de"),
        QStringLiteral("do"), QStringLiteral("da"), QStringLiteral("dos"), QStringLiteral("das"), QStringLiteral("e")};
    const QString folded = company.normalized(QString::NormalizationForm_D).toLower();
    QStringList words;
    QString word;
    for (QChar c : folded + QLatin1Char(' ')) {
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            word += c;
        } else if (!c.isMark() && !word.isEmpty()) {
            words << word;
            word.clear();
        }
    }
    QString domain;
    for (const QString &w : words) {
        if (generic.contains(w))
            continue;
        if (!domain.isEmpty() && domain.size() + w.size() > 18)
            break;
        domain += w;
    }
    return domain.isEmpty() && !words.isEmpty() ? words.first() : domain;
}

} // namespace

QString personName(DemoRandom &rng)
{
    QString name = QString::fromUtf8(pickFrom(rng, kFirstNames));
    if (rng.chance(0.4))
        name += QLatin1Char(' ') + QString::fromUtf8(pickFrom(rng, kSurnames));
    return name + QLatin1Char(' ') + QString::fromUtf8(pickFrom(rng, kSurnames));
}

QString companyName(DemoRandom &rng, const char *kind, const Neighbourhood &where)
{
    const QString k = QString::fromLatin1(kind);
    const QString place = QString::fromUtf8(pickFrom(rng, kPlaceWords));
    const QString brand = QString::fromUtf8(pickFrom(rng, kBrandWords));
    const QString hood = neighbourhoodLabel(where);
    const QString family = QString::fromUtf8(pickFrom(rng, kSurnames));
    if (k == QLatin1String("condominium"))
        return (rng.chance(0.5) ? QStringLiteral("Condomínio Edifício ") : QStringLiteral("Condomínio Residencial ")) + place;
    if (k == QLatin1String("office"))
        return rng.chance(0.5) ? QStringLiteral("Edifício Corporativo ") + place
                               : QStringLiteral("Torre %1 Business Center").arg(brand);
    if (k == QLatin1String("supermarket"))
        return (rng.chance(0.6) ? QStringLiteral("Supermercado ") : QStringLiteral("Hipermercado ")) + brand;
    if (k == QLatin1String("hospital"))
        return rng.chance(0.6) ? QStringLiteral("Hospital ") + QString::fromUtf8(pickFrom(rng, kSaints))
                               : QStringLiteral("Clínica %1 %2").arg(family, hood);
    if (k == QLatin1String("school"))
        return rng.chance(0.5) ? QStringLiteral("Colégio ") + brand
                               : QStringLiteral("Escola Estadual Professor ") + personName(rng);
    if (k == QLatin1String("hotel"))
        return QStringLiteral("Hotel %1 %2").arg(brand, hood);
    if (k == QLatin1String("restaurant"))
        return rng.chance(0.5) ? QStringLiteral("Padaria ") + brand
                               : QStringLiteral("Restaurante %1 %2").arg(family, hood);
    if (k == QLatin1String("shopping"))
        return QStringLiteral("Shopping ") + hood;
    if (k == QLatin1String("pharmacy"))
        return QStringLiteral("Drogaria ") + brand;
    if (k == QLatin1String("gym"))
        return QStringLiteral("Academia %1 Fitness").arg(brand);
    if (k == QLatin1String("industry"))
        return rng.chance(0.5) ? QStringLiteral("Metalúrgica %1 Ltda").arg(family)
                               : QStringLiteral("%1 Indústria e Comércio Ltda").arg(brand);
    return QStringLiteral("Data Center %1 %2").arg(brand, hood);
}

QString siteName(DemoRandom &rng, const QString &company, const char *kind, const Neighbourhood &where, int index)
{
    Q_UNUSED(kind);
    if (index == 0 && rng.chance(0.7))
        return company;
    return QStringLiteral("%1 – %2").arg(company, neighbourhoodLabel(where));
}

QString streetAddress(DemoRandom &rng, const Neighbourhood &where)
{
    return QStringLiteral("%1, %2 – %3, %4 – SP, %5-%6")
        .arg(QString::fromUtf8(pickFrom(rng, kStreets)))
        .arg(rng.between(10, 2999))
        .arg(QString::fromUtf8(where.name), QString::fromUtf8(where.city), QString::fromLatin1(where.cepPrefix))
        .arg(rng.between(0, 999), 3, 10, QLatin1Char('0'));
}

QString landlinePhone(DemoRandom &rng)
{
    return QStringLiteral("+55 11 %1-%2").arg(rng.between(2000, 5999)).arg(rng.between(0, 9999), 4, 10, QLatin1Char('0'));
}

QString mobilePhone(DemoRandom &rng)
{
    return QStringLiteral("+55 11 9%1-%2").arg(rng.between(6000, 9999)).arg(rng.between(0, 9999), 4, 10, QLatin1Char('0'));
}

QString emailFor(DemoRandom &rng, const QString &company)
{
    static const char *const boxes[] = {"contato", "manutencao", "facilities", "administracao", "sindico", "compras"};
    QString domain = domainFor(company);
    if (domain.isEmpty())
        domain = QStringLiteral("cliente");
    return QStringLiteral("%1@%2.com.br").arg(QString::fromLatin1(pickFrom(rng, boxes)), domain);
}

QString personalEmail(const QString &person, const QString &company)
{
    QString domain = domainFor(company);
    if (domain.isEmpty())
        domain = QStringLiteral("cliente");
    QStringList parts;
    for (const QString &w : person.normalized(QString::NormalizationForm_D).toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString ascii;
        for (QChar c : w)
            if (c.unicode() < 128 && c.isLetterOrNumber())
                ascii += c;
        if (!ascii.isEmpty())
            parts << ascii;
    }
    const QString box = parts.size() >= 2 ? parts.front() + QLatin1Char('.') + parts.back() : parts.value(0, QStringLiteral("contato"));
    return QStringLiteral("%1@%2.com.br").arg(box, domain);
}

} // namespace fieldops::demo
